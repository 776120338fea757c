package dev.mynasim.web.it;

import static dev.mynasim.web.it.MutualTlsClientAuthenticationIT.assertInvalidClient;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a load balancer that ends TLS, the client certificate comes in the proxy's header (RFC 9440
 * {@code Client-Cert}), and counts only when the request comes from the configured proxy address. The shared server
 * trusts {@value SharedServer#TRUSTED_PROXY}; the tests speak plain HTTP from that loopback address, and from
 * 127.0.0.1 as anyone else.
 */
@ExtendWith(SharedServer.class)
class TrustedProxyClientCertificateIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String TOKEN = "/test/online-authorization-web/oauth/token";

    private SharedServer.Server server;
    private Api operator;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        operator = Api.operator(server);
        portal = new Portal(server);
    }

    @Test
    void rfc9440TheHeaderIsHonouredFromTheProxyAddressOnly() {
        Service service = aPinnedService();
        Map<String, String> form = service.form(code(service, portal.aCard("9101"), "9101"));

        Answer fromElsewhere = post("127.0.0.1", TOKEN, form, service.certificate());
        assertInvalidClient(fromElsewhere.reply(), "tls_client_auth");
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(server.log()))
                .contains("Ignored the Client-Cert header of a request from 127.0.0.1, which is not a trusted proxy"));

        Answer fromProxy = post(SharedServer.TRUSTED_PROXY, TOKEN, form, service.certificate());
        assertThat(fromProxy.status()).as(fromProxy.toString()).isEqualTo(200);
        String token = fromProxy.json().getString("access_token");
        assertThat(Portal.claims(token).getJsonObject("cnf").getString("x5t#S256"))
                .isEqualTo(MutualTlsClientAuthenticationIT.thumbprint(service.certificate()));

        assertThat(get(SharedServer.TRUSTED_PROXY, "/test/api/v1/self-info/vaccinations", token, service.certificate())
                .status()).as("the bound token with the certificate the proxy passed on").isEqualTo(200);
        assertThat(get("127.0.0.1", "/test/api/v1/self-info/vaccinations", token, service.certificate()).status())
                .as("the same header from anyone else counts for nothing").isEqualTo(401);
        assertThat(get(SharedServer.TRUSTED_PROXY, "/test/api/v1/self-info/vaccinations", token, null).status())
                .isEqualTo(401);
    }

    @Test
    void aProxyHeaderThatHoldsNoCertificateOrAnotherOneAuthenticatesNobody() {
        Service service = aPinnedService();
        Service other = aPinnedService();
        Map<String, String> form = service.form(code(service, portal.aCard("9102"), "9102"));

        assertInvalidClient(post(SharedServer.TRUSTED_PROXY, TOKEN, form, other.certificate()).reply(),
                "is not the one registered");
        assertInvalidClient(postRaw(SharedServer.TRUSTED_PROXY, TOKEN, form, ":bm90IGEgY2VydGlmaWNhdGU=:").reply(),
                "tls_client_auth");
        assertThat(post(SharedServer.TRUSTED_PROXY, TOKEN, form, service.certificate()).status()).isEqualTo(200);
    }

    // ---- fixtures ----

    /** A tls_client_auth TEST service whose key pair the simulator made, pinned. */
    private Service aPinnedService() {
        String apiUserId = Fixtures.anApiUserId();
        assertThat(operator.post("/admin/api/api-users", Fixtures.anApiUser(apiUserId)).status()).isEqualTo(201);
        String serviceId = "PX" + String.format("%04d", SEQUENCE.incrementAndGet());
        Api.Reply created = operator.post("/admin/api/environments/test/services",
                Fixtures.aService(apiUserId, serviceId, true, "tls_client_auth", "self-info")
                        .replace("\"clientAuth\": \"tls_client_auth\"}", "\"clientAuth\": \"tls_client_auth\", \"headless\": true}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clientId = apiUserId + "_" + serviceId;
        Api.Reply issued = operator.post("/admin/api/environments/test/services/" + clientId + "/tls-certificate",
                "{\"generateKey\": true}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return new Service(clientId, "https://rp.example/" + serviceId + "/callback",
                MutualTlsClientAuthenticationIT.certificate(issued.json().getString("certificate")));
    }

    private record Service(String clientId, String redirectUri, X509Certificate certificate) {
        Map<String, String> form(String code) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", redirectUri);
            form.put("client_id", clientId);
            return form;
        }
    }

    private String code(Service service, String card, String pin) {
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                + "?response_type=code&client_id=" + service.clientId() + "&redirect_uri="
                + Portal.encode(service.redirectUri()) + "&state=p&login_type=0&"
                + HeadlessClient.cardAndConsent(card, pin, "approve"));
        assertThat(answer.query()).as(answer.toString()).containsKey("code");
        return answer.query().get("code");
    }

    private Answer post(String from, String path, Map<String, String> form, X509Certificate certificate) {
        return postRaw(from, path, form, header(certificate));
    }

    private Answer postRaw(String from, String path, Map<String, String> form, String clientCert) {
        String body = form.entrySet().stream().map(e -> Portal.encode(e.getKey()) + "=" + Portal.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(from, "POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + (clientCert == null ? "" : "Client-Cert: " + clientCert + "\r\n") + "\r\n" + body);
    }

    private Answer get(String from, String path, String bearer, X509Certificate certificate) {
        return send(from, "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer + "\r\n"
                + (certificate == null ? "" : "Client-Cert: " + header(certificate) + "\r\n") + "\r\n");
    }

    /** RFC 9440 §2.2: the DER certificate as an RFC 8941 byte sequence. */
    private static String header(X509Certificate certificate) {
        try {
            return ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP/1.0 exchange from the given local (loopback) address to the server's plain HTTP listener. */
    private Answer send(String from, String request) {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, end < 0 ? "" : response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(int status, String body) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        Api.Reply reply() {
            return new Api.Reply(status, "application/json", body, null);
        }
    }
}
