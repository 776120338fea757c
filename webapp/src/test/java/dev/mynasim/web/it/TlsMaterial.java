package dev.mynasim.web.it;

import dev.mynasim.auth.card.CertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The TLS files of the test servers, made once per run with keytool exactly as {@code bin/mynasim start --tls} makes
 * them: the client CA (PKCS#12, alias mynasim-client-ca), a second CA an operator imported ("partner"), the server's
 * key pair for 127.0.0.1, the trust store of the listener (both CAs) and the preboot command file that asks for client
 * certificates and binds the listeners to loopback. And, for the tests' clients, TLS contexts with or without a
 * client certificate.
 */
public final class TlsMaterial {

    public static final String PASSWORD = "mynasim-it-tls";
    private static TlsMaterial made;

    private final Path dir;

    private TlsMaterial(Path dir) {
        this.dir = dir;
    }

    /** The material of this run, made on first use in {@code dir} (a fresh folder each run). */
    public static synchronized TlsMaterial in(Path dir) {
        if (made == null) {
            TlsMaterial material = new TlsMaterial(dir.toAbsolutePath());
            material.make();
            made = material;
        }
        return made;
    }

    public Path clientCaKeystore() {
        return dir.resolve("client-ca.p12");
    }

    public Path serverKeystore() {
        return dir.resolve("server.p12");
    }

    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    public Path prebootCommands() {
        return dir.resolve("preboot.txt");
    }

    /** The server's JVM options and Payara Micro arguments for an HTTPS listener on the port that wants client certificates. */
    public List<String> systemProperties() {
        return List.of("-Djavax.net.ssl.keyStore=" + serverKeystore(), "-Djavax.net.ssl.keyStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.keyStoreType=PKCS12",
                "-Djavax.net.ssl.trustStore=" + trustStore(), "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Dmynasim.tls.client-ca.keystore=" + clientCaKeystore(), "-Dmynasim.tls.client-ca.password=" + PASSWORD);
    }

    public List<String> payaraArguments(int sslPort) {
        return List.of("--sslport", Integer.toString(sslPort), "--sslcert", "server",
                "--prebootcommandfile", prebootCommands().toString());
    }

    /** The client CA itself, to make certificates the REST surface would not (already expired ones). */
    public CertificateAuthority clientCa() {
        return authority("client-ca.p12", "mynasim-client-ca");
    }

    /** The CA the "operator" imported into the listener's trust store besides the client CA. */
    public CertificateAuthority partnerCa() {
        return authority("partner-ca.p12", "partner-ca");
    }

    /** A client that trusts the test server's certificate and presents none of its own. */
    public SSLContext withoutCertificate() {
        return context(null);
    }

    /** A client that presents this certificate (and key), whatever CAs the server says it accepts. */
    public SSLContext presenting(PrivateKey key, X509Certificate certificate) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, PASSWORD.toCharArray(), new Certificate[] {certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            return context(new Always((X509ExtendedKeyManager) factory.getKeyManagers()[0]));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SSLContext context(KeyManager keyManager) {
        try (InputStream in = Files.newInputStream(dir.resolve("server.pem"))) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManager == null ? null : new KeyManager[] {keyManager}, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private CertificateAuthority authority(String file, String alias) {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return CertificateAuthority.restore((X509Certificate) store.getCertificate(alias),
                    (PrivateKey) store.getKey(alias, PASSWORD.toCharArray()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void make() {
        try {
            if (Files.exists(dir)) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            keytool("-genkeypair", "-alias", "mynasim-client-ca", "-keyalg", "RSA", "-keysize", "3072",
                    "-validity", "7300", "-dname", "CN=mynasim Client CA, O=mynasim, C=JP", "-ext", "bc:c",
                    "-ext", "ku:c=keyCertSign,cRLSign", "-storetype", "PKCS12", "-keystore", "client-ca.p12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "mynasim-client-ca", "-keystore", "client-ca.p12",
                    "-storepass", PASSWORD, "-file", "client-ca.pem");
            keytool("-genkeypair", "-alias", "partner-ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=Partner Integrator CA, O=partner, C=JP", "-ext", "bc:c",
                    "-ext", "ku:c=keyCertSign,cRLSign", "-storetype", "PKCS12", "-keystore", "partner-ca.p12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "partner-ca", "-keystore", "partner-ca.p12",
                    "-storepass", PASSWORD, "-file", "partner-ca.pem");
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                    "-dname", "CN=localhost, O=mynasim, C=JP", "-ext", "san=dns:localhost,ip:127.0.0.1",
                    "-ext", "eku=serverAuth", "-storetype", "PKCS12", "-keystore", "server.p12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD,
                    "-file", "server.pem");
            for (String ca : List.of("mynasim-client-ca:client-ca.pem", "partner-ca:partner-ca.pem")) {
                keytool("-importcert", "-noprompt", "-alias", ca.split(":")[0], "-file", ca.split(":")[1],
                        "-storetype", "PKCS12", "-keystore", "truststore.p12", "-storepass", PASSWORD);
            }
            Files.writeString(prebootCommands(), String.join("\n",
                    "set configs.config.server-config.network-config.protocols.protocol.https-listener.ssl.client-auth=want",
                    "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1",
                    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Presents its one certificate whatever CAs the server names (a JDK key manager would send nothing for a CA the
     * server does not list), so a test can show what the listener does with a certificate it does not trust.
     */
    private static final class Always extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;

        Always(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
