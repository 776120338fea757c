/** Access tokens: signing keys per environment, JWT issue (RFC 9068 profile, RS256) and verification. */
package dev.mynasim.auth.token;
