/** Mutual TLS (RFC 8705): the simulator's client CA, client certificates for Web services, and client authentication by them. */
package dev.mynasim.auth.tls;
