package dev.mynasim.auth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresentedCertificateTest {

    /** openssl x509 -outform DER | openssl dgst -sha256 -binary | base64url, as RFC 8705 §3.1 computes x5t#S256. */
    private static final String OPENSSL_THUMBPRINT = "6dS58Znv7c4BhMfmWD2QsJEuE6noyT65k8wc5ofaxac";

    @Test
    void theThumbprintIsTheBase64urlSha256OfTheDer() throws Exception {
        X509Certificate certificate = certificate();

        assertThat(PresentedCertificate.thumbprint(certificate)).isEqualTo(OPENSSL_THUMBPRINT);
        assertThat(PresentedCertificate.of(certificate, PresentedCertificate.Source.PROXY).thumbprint())
                .contains(OPENSSL_THUMBPRINT);
        assertThat(PresentedCertificate.none().thumbprint()).isEmpty();
    }

    @Test
    void aCertificateHasASourceAndNoCertificateHasNone() throws Exception {
        X509Certificate certificate = certificate();

        assertThatThrownBy(() -> new PresentedCertificate(Optional.of(certificate), PresentedCertificate.Source.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresentedCertificate(Optional.empty(), PresentedCertificate.Source.TLS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static X509Certificate certificate() throws Exception {
        try (InputStream in = PresentedCertificateTest.class.getResourceAsStream("client.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
