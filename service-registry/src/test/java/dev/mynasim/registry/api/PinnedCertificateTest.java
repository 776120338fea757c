package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PinnedCertificateTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void aThumbprintIsTheBase64urlSha256OfTheCertificate() {
        String sha256 = "q4R_mZ0Mqf3N3X0n5Zq2m0Xx6X1cXb9KJtqY8mF2oBc";

        assertThat(new PinnedCertificate(sha256, "CN=a", "CN=b", NOW, NOW).sha256()).isEqualTo(sha256);
    }

    @Test
    void aThumbprintOfAnotherFormIsRefused() {
        assertInvalid(() -> new PinnedCertificate("ab:cd", "CN=a", "CN=b", NOW, NOW), "sha256", "certificate-thumbprint");
        assertInvalid(() -> new PinnedCertificate("q4R+mZ0Mqf3N3X0n5Zq2m0Xx6X1cXb9KJtqY8mF2oBc", "", "", NOW, NOW),
                "sha256", "certificate-thumbprint");
        assertInvalid(() -> new PinnedCertificate(null, "", "", NOW, NOW), "sha256", "certificate-thumbprint");
    }

    @Test
    void longNamesAreCutToWhatTheColumnHolds() {
        String sha256 = "q4R_mZ0Mqf3N3X0n5Zq2m0Xx6X1cXb9KJtqY8mF2oBc";

        assertThat(new PinnedCertificate(sha256, "x".repeat(900), null, NOW, NOW).subject()).hasSize(500);
        assertThat(new PinnedCertificate(sha256, "CN=a", null, NOW, NOW).issuer()).isEmpty();
    }
}
