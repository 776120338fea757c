package dev.mynasim.auth.tls;

import dev.mynasim.auth.card.CertificateAuthority;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;

/** Client certificates for tests: one client CA for the run (RSA 3072 takes a moment), EC P-256 client keys. */
public final class TlsFixtures {

    public static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    public static final CertificateAuthority CLIENT_CA = CertificateAuthority.generate(NOW, "mynasim Client CA");

    private TlsFixtures() {
    }

    /** A certificate of the client CA for the client id, valid a year from yesterday. */
    public static X509Certificate aClientCertificate(String clientId) {
        return aClientCertificate(clientId, NOW.plus(Duration.ofDays(365)));
    }

    public static X509Certificate aClientCertificate(String clientId, Instant notAfter) {
        return CLIENT_CA.issueClientCertificate(anEcKeyPair().getPublic(), clientId, "test",
                NOW.minus(Duration.ofDays(1)), notAfter);
    }

    public static KeyPair anEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
