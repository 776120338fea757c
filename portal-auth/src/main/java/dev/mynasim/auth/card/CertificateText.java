package dev.mynasim.auth.card;

import dev.mynasim.registry.api.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Certificates and signatures as integrators send them in JSON: a certificate as PEM or as base64 (or base64url) of
 * its DER encoding, a signature as base64url (RFC 7515 §2) or base64. Anything else is a rule violation naming the
 * field, never an exception from deep inside a parser.
 */
public final class CertificateText {

    static final int MAX_LENGTH = 16_384;

    private CertificateText() {
    }

    public static X509Certificate certificate(String field, String text) {
        RuleViolation.required(field, text);
        if (text.length() > MAX_LENGTH) {
            throw unreadable(field, "is longer than " + MAX_LENGTH + " characters", MAX_LENGTH + " 文字を超えています");
        }
        String trimmed = text.strip();
        try {
            byte[] encoded = trimmed.startsWith("-----BEGIN")
                    ? trimmed.getBytes(StandardCharsets.US_ASCII) : base64(trimmed);
            return CertificateAuthority.certificate(encoded);
        } catch (IllegalArgumentException e) {
            throw unreadable(field, "is not an X.509 certificate in PEM or base64 DER",
                    "PEM または base64 (DER) の X.509 証明書ではありません");
        }
    }

    public static byte[] signature(String field, String text) {
        RuleViolation.required(field, text);
        try {
            return base64(text.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "signature-format", field + " must be base64url (RFC 7515 §2) or base64",
                    field + " は base64url (RFC 7515 §2) または base64 で指定してください");
        }
    }

    /** Base64url or base64, with or without padding; line breaks are ignored. */
    static byte[] base64(String text) {
        String compact = text.replaceAll("\\s", "");
        if (compact.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return compact.indexOf('+') >= 0 || compact.indexOf('/') >= 0
                ? Base64.getDecoder().decode(compact) : Base64.getUrlDecoder().decode(compact);
    }

    private static RuleViolation unreadable(String field, String en, String ja) {
        return RuleViolation.invalid(field, "certificate-format", field + " " + en, field + " は" + ja);
    }
}
