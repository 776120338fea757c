package dev.mynasim.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundTrustTest {

    private static final Path JDK_CAS = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");

    @Test
    void outgoingCallsTrustTheJdkCasAndNotTheJvmWideTrustStore() throws KeyStoreException {
        KeyStore store = OutboundTrust.trustStore(JDK_CAS, Optional.empty());

        assertThat(store.size()).as("the JDK's CA certificates").isGreaterThan(50);
        assertThat(new OutboundTrust(Optional.empty()).sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void anOperatorAddsCasFromAPemFile() throws Exception {
        KeyStore store = OutboundTrust.trustStore(JDK_CAS, Optional.of(extraCa()));

        assertThat(Collections.list(store.aliases()).stream().map(a -> certificate(store, a).getSubjectX500Principal().getName()))
                .contains("CN=mynasim outbound test CA");
        assertThat(store.size()).isEqualTo(OutboundTrust.trustStore(JDK_CAS, Optional.empty()).size() + 1);
    }

    @Test
    void aMissingPemFileStopsTheStartWithTheKeyItCameFrom() {
        assertThatThrownBy(() -> new OutboundTrust(Optional.of("/nonexistent/cas.pem")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mynasim.callback.trusted-cas");
    }

    private static Path extraCa() throws URISyntaxException {
        return Path.of(OutboundTrustTest.class.getResource("extra-ca.pem").toURI());
    }

    private static X509Certificate certificate(KeyStore store, String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
