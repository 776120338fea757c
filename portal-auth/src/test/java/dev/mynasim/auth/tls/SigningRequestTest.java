package dev.mynasim.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.registry.api.RuleViolation;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** RFC 2986: the CSR's self-signature proves its sender holds the private key. */
class SigningRequestTest {

    @Test
    void aCsrYieldsItsPublicKey() throws Exception {
        KeyPair keys = TlsFixtures.anEcKeyPair();

        assertThat(SigningRequest.publicKey("csr", ClientCertificatesTest.csr(keys)).getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void aCsrWhoseSignatureDoesNotHoldIsRefused() throws Exception {
        String pem = ClientCertificatesTest.csr(TlsFixtures.anEcKeyPair());
        String[] lines = pem.split("\n");
        // change a byte near the end of the base64 body: the signature
        int last = lines.length - 2;
        char[] chars = lines[last].toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        lines[last] = new String(chars);

        assertRefused(String.join("\n", lines), "csr-signature", "csr-format");
    }

    @Test
    void aShortRsaKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair weak = generator.generateKeyPair();
        String pem = csrRsa(weak);

        assertRefused(pem, "csr-key");
    }

    @Test
    void somethingElseIsNoCsr() {
        assertRefused("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "csr-format");
        assertRefused("hello", "csr-format");
        assertRefused("x".repeat(20_000), "csr-format");
        assertRefused(" ", "required");
    }

    private static String csrRsa(KeyPair keys) throws Exception {
        var request = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=weak"), keys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        var out = new java.io.StringWriter();
        try (var pem = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
            pem.writeObject(request);
        }
        return out.toString();
    }

    private static void assertRefused(String pem, String... rules) {
        assertThatThrownBy(() -> SigningRequest.publicKey("csr", pem))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isIn((Object[]) rules));
    }
}
