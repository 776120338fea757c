/**
 * Client authentication at both doors' token endpoints (RFC 6749 §2.3, RFC 7523, RFC 8705 §2) and the JWK Sets that
 * registrations publish at a URL.
 */
package dev.mynasim.auth.client;
