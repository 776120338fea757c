package dev.mynasim.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mynasim.registry.api.CallbackHosts;
import dev.mynasim.registry.api.OutboundTrust;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key id nobody published must not turn every token request into a fetch of the client's JWK Set. */
class RemoteJwksTest {

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private RemoteJwks jwks;
    private String url;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = "{\"keys\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        jwks = new RemoteJwks();
        jwks.hosts = new CallbackHosts() {
            @Override
            public boolean allows(String host) {
                return "127.0.0.1".equals(host);
            }
        };
        jwks.trust = new OutboundTrust() {
            @Override
            public SSLContext sslContext() {
                try {
                    return SSLContext.getDefault();
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        jwks.client();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theSetIsKeptAndAnUnknownKeyIdRefetchesItOncePerGap() throws Exception {
        jwks.get(url);
        jwks.get(url);
        assertThat(fetches).as("kept for %s", RemoteJwks.KEEP).hasValue(1);

        jwks.refetch(url, "rotated-k2");
        assertThat(fetches).as("a key id not looked for yet: the client may have rotated").hasValue(2);
        for (int i = 0; i < 20; i++) {
            jwks.refetch(url, "rotated-k2");
        }
        assertThat(fetches).as("the same key id within %s fetches nothing", RemoteJwks.REFETCH_GAP).hasValue(2);
        jwks.get(url);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aHostOffTheAllowListIsNeverFetched() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jwks.get("http://192.0.2.1/jwks"))
                .hasMessageContaining("mynasim.callback.allowed-hosts");
        assertThat(fetches).hasValue(0);
    }
}
