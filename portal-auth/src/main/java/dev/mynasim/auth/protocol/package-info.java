/** What both doors share of the OAuth 2.0 protocol: the RFC 6749 error a request is answered with. */
package dev.mynasim.auth.protocol;
