package dev.mynasim.registry.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The trust of the simulator's own HTTPS calls (completion notices, JWKS URLs): the JDK's CA certificates plus those
 * of the PEM file {@code mynasim.callback.trusted-cas}. Never the JVM-wide {@code javax.net.ssl.trustStore}: with
 * mutual TLS that holds only the CAs whose client certificates the listener accepts (STACK.md), and a callback to a
 * service with a public certificate must still work.
 */
@ApplicationScoped
public class OutboundTrust {

    private SSLContext context;

    @Inject
    public OutboundTrust(@ConfigProperty(name = "mynasim.callback.trusted-cas") Optional<String> trustedCas) {
        this.context = context(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"),
                trustedCas.filter(p -> !p.isBlank()).map(Path::of));
    }

    /** For the CDI proxy. */
    protected OutboundTrust() {
    }

    /** The TLS context every outgoing HTTPS call uses. */
    public SSLContext sslContext() {
        return context;
    }

    static SSLContext context(Path jdkCas, Optional<Path> extraPem) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(jdkCas, extraPem));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the trust of outgoing HTTPS calls: " + e.getMessage(), e);
        }
    }

    /** The JDK's CA certificates and those of the extra PEM file, as one store of trusted certificates. */
    static KeyStore trustStore(Path jdkCas, Optional<Path> extraPem) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            if (Files.isReadable(jdkCas)) {
                // reading certificates needs no password; the store's integrity is the JDK package's business
                KeyStore jdk = KeyStore.getInstance(jdkCas.toFile(), (char[]) null);
                for (String alias : java.util.Collections.list(jdk.aliases())) {
                    Certificate certificate = jdk.getCertificate(alias);
                    if (certificate != null) {
                        trusted.setCertificateEntry("jdk-" + n++, certificate);
                    }
                }
            }
            if (extraPem.isPresent()) {
                for (X509Certificate certificate : pem(extraPem.get())) {
                    trusted.setCertificateEntry("extra-" + n++, certificate);
                }
            }
            return trusted;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the trust of outgoing HTTPS calls: " + e.getMessage(), e);
        }
    }

    private static Collection<X509Certificate> pem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new IOException("mynasim.callback.trusted-cas " + file + " holds no PEM certificate");
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("mynasim.callback.trusted-cas names a file that does not exist: " + file, e);
        }
    }
}
