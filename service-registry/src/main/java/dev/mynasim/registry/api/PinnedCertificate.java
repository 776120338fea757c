package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The TLS client certificate a {@code tls_client_auth} registration is pinned to (RFC 8705 §2): its SHA-256
 * thumbprint, base64url without padding as in the {@code x5t#S256} confirmation (RFC 8705 §3.1), and, for people
 * reading the registration, its subject, issuer and validity end. Only the thumbprint decides; the registry stores
 * what portal-auth read from the certificate and never parses certificates itself.
 */
public record PinnedCertificate(String sha256, String subject, String issuer, Instant notAfter, Instant pinnedAt) {

    static final int MAX_NAME = 500;

    public PinnedCertificate {
        if (sha256 == null || !sha256.matches("[A-Za-z0-9_-]{43}")) {
            throw RuleViolation.invalid("sha256", "certificate-thumbprint",
                    "A certificate thumbprint is the base64url SHA-256 of the certificate (43 characters), got: " + sha256,
                    "証明書のサムプリントは証明書の SHA-256 を base64url で表した 43 文字です。入力値: " + sha256);
        }
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
        subject = shorten(subject);
        issuer = shorten(issuer);
    }

    private static String shorten(String name) {
        return name == null ? "" : name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
