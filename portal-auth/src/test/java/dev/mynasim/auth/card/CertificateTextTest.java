package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.registry.api.RuleViolation;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CertificateTextTest {

    private static final CertificateAuthority CA = CertificateAuthority.generate(Instant.parse("2026-04-01T09:00:00Z"));

    @Test
    void aCertificateComesAsPemOrAsBase64OfItsDer() throws Exception {
        X509Certificate certificate = CA.certificate();

        assertThat(CertificateText.certificate("certificate", CA.certificatePem())).isEqualTo(certificate);
        assertThat(CertificateText.certificate("certificate",
                Base64.getEncoder().encodeToString(certificate.getEncoded()))).isEqualTo(certificate);
        assertThat(CertificateText.certificate("certificate",
                Base64.getUrlEncoder().withoutPadding().encodeToString(certificate.getEncoded()))).isEqualTo(certificate);
    }

    @Test
    void aSignatureComesAsBase64urlOrBase64() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01, 0x3e};

        assertThat(CertificateText.signature("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                .isEqualTo(bytes);
        assertThat(CertificateText.signature("signature", Base64.getEncoder().encodeToString(bytes))).isEqualTo(bytes);
    }

    @Test
    void anythingElseIsARuleViolationNamingTheField() {
        assertRule(() -> CertificateText.certificate("certificate", "hello"), "certificate-format");
        assertRule(() -> CertificateText.certificate("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n"), "certificate-format");
        assertRule(() -> CertificateText.certificate("certificate", "A".repeat(20_000)), "certificate-format");
        assertRule(() -> CertificateText.certificate("certificate", null), "required");
        assertRule(() -> CertificateText.signature("signature", "*not base64*"), "signature-format");
    }

    private static void assertRule(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String rule) {
        assertThatThrownBy(action).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
