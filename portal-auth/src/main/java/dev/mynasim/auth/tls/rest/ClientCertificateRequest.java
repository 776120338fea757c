package dev.mynasim.auth.tls.rest;

/**
 * How a service gets its TLS client certificate, exactly one of: {@code csr} (a PKCS#10 request in PEM, signed by the
 * client CA), {@code generateKey: true} (TEST only: the simulator makes an RSA 2048 key pair too) or
 * {@code certificate} (PEM of a certificate the integrator already has, from a CA the listener trusts).
 * {@code notAfter} (ISO-8601) shortens an issued certificate's validity, e.g. to test expiry.
 */
public record ClientCertificateRequest(String csr, Boolean generateKey, String certificate, String notAfter) {
}
