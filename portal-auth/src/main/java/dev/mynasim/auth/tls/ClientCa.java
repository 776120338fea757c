package dev.mynasim.auth.tls;

import dev.mynasim.auth.card.CertificateAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulator's client CA: it signs the TLS client certificates of Web services, and the TLS listener trusts it.
 * It lives in a PKCS#12 file in the data folder ({@code mynasim.tls.client-ca.keystore}), not in the database,
 * because the listener's trust store must hold its certificate before the server boots: {@code bin/mynasim} creates
 * it with keytool (alias {@value #ALIAS}, RSA), and this class creates the same when a server started some other way
 * finds none. Every node of a cluster needs the same file.
 */
@ApplicationScoped
public class ClientCa {

    public static final String ALIAS = "mynasim-client-ca";
    static final String NAME = "mynasim Client CA";
    private static final Logger LOG = Logger.getLogger(ClientCa.class.getName());

    @Inject
    @ConfigProperty(name = "mynasim.tls.client-ca.keystore", defaultValue = "./data/tls/client-ca.p12")
    String keystore;

    @Inject
    @ConfigProperty(name = "mynasim.tls.client-ca.password", defaultValue = "mynasim-client-ca")
    String password;

    @Inject
    Clock clock;

    private volatile CertificateAuthority authority;

    public CertificateAuthority authority() {
        CertificateAuthority loaded = authority;
        if (loaded == null) {
            synchronized (this) {
                if (authority == null) {
                    authority = loadOrCreate(Path.of(keystore), password.toCharArray());
                }
                loaded = authority;
            }
        }
        return loaded;
    }

    public X509Certificate certificate() {
        return authority().certificate();
    }

    /** Reads the CA from its PKCS#12 file; creates the file first when there is none. */
    CertificateAuthority loadOrCreate(Path file, char[] secret) {
        if (!Files.exists(file)) {
            create(file, secret);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            String alias = store.containsAlias(ALIAS) ? ALIAS : Collections.list(store.aliases()).stream()
                    .filter(a -> isKey(store, a)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(file + " holds no private key"));
            Certificate certificate = store.getCertificate(alias);
            return CertificateAuthority.restore((X509Certificate) certificate,
                    (PrivateKey) store.getKey(alias, secret));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the client CA from mynasim.tls.client-ca.keystore " + file
                    + " (is mynasim.tls.client-ca.password right?): " + e.getMessage(), e);
        }
    }

    /** The same CA bin/mynasim makes with keytool: RSA 3072, 20 years, basic constraints CA. */
    private void create(Path file, char[] secret) {
        CertificateAuthority created = CertificateAuthority.generate(clock.instant(), NAME);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, created.privateKey(), secret, new Certificate[] {created.certificate()});
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "client-ca", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, secret);
            }
            try {
                // of two nodes creating it on one shared folder, the first keeps its file
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException lostTheRace) {
                Files.deleteIfExists(temporary);
            }
            LOG.info("Created the client CA in " + file + "; the TLS listener trusts it from its next start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the client CA to " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store the client CA", e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
