package dev.mynasim.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxyTest {

    @Test
    void onlyTheConfiguredProxyAddressesAreTrusted() {
        TrustedProxy proxy = TrustedProxy.of(Optional.of("10.0.0.5, 127.0.0.2 ,[::1]"));

        assertThat(proxy.enabled()).isTrue();
        assertThat(proxy.trusts("10.0.0.5")).isTrue();
        assertThat(proxy.trusts("127.0.0.2")).isTrue();
        assertThat(proxy.trusts("0:0:0:0:0:0:0:1")).as("the same IPv6 address, written another way").isTrue();
        assertThat(proxy.trusts("::ffff:127.0.0.2")).as("an IPv4-mapped address is the IPv4 address").isTrue();
        assertThat(proxy.trusts("127.0.0.1")).isFalse();
        assertThat(proxy.trusts("10.0.0.50")).isFalse();
        assertThat(proxy.trusts(null)).isFalse();
        assertThat(proxy.trusts("proxy.example")).isFalse();
    }

    @Test
    void withoutAddressesNoProxyIsTrusted() {
        assertThat(TrustedProxy.of(Optional.empty()).enabled()).isFalse();
        assertThat(TrustedProxy.of(Optional.empty()).trusts("127.0.0.1")).isFalse();
        assertThat(TrustedProxy.of(Optional.of(" , ")).enabled()).isFalse();
    }

    @Test
    void hostNamesAndMalformedAddressesAreRefusedNotLookedUp() {
        TrustedProxy proxy = TrustedProxy.of(Optional.of("lb.example.go.jp, 999.1.1.1, 10.0.0.5"));

        assertThat(proxy.refused()).containsExactly("lb.example.go.jp", "999.1.1.1");
        assertThat(proxy.trusts("10.0.0.5")).isTrue();
    }

    @Test
    void theHeaderIsTheDerCertificateAsAnRfc8941ByteSequence() throws Exception {
        X509Certificate certificate = certificate();
        String header = ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";

        assertThat(TrustedProxy.certificate(header)).contains(certificate);
    }

    @Test
    void urlEncodedPemAsSomeLoadBalancersSendItIsReadToo() throws Exception {
        String pem = new String(resource().readAllBytes(), StandardCharsets.US_ASCII);

        assertThat(TrustedProxy.certificate(URLEncoder.encode(pem, StandardCharsets.UTF_8))).contains(certificate());
    }

    @Test
    void anythingElseIsNoCertificate() {
        assertThat(TrustedProxy.certificate(null)).isEmpty();
        assertThat(TrustedProxy.certificate("")).isEmpty();
        assertThat(TrustedProxy.certificate(":not base64!:")).isEmpty();
        assertThat(TrustedProxy.certificate(":" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + ":")).isEmpty();
        assertThat(TrustedProxy.certificate("MIIB")).isEmpty();
        assertThat(TrustedProxy.certificate(":" + "A".repeat(TrustedProxy.MAX_HEADER) + ":")).isEmpty();
    }

    private static X509Certificate certificate() throws Exception {
        try (InputStream in = resource()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static InputStream resource() throws IOException {
        return TrustedProxyTest.class.getResourceAsStream("client.pem");
    }
}
