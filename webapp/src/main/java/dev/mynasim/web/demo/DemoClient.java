package dev.mynasim.web.demo;

import static dev.mynasim.registry.api.JsonP.JSON;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo services' client of the simulator, over HTTP exactly as an external service: the authorize redirect,
 * the token call (the token checked against the published keys), and the data exchange (request, then the result
 * once ready). It knows the Mynaportal-compatible wire format as an integrator's code would.
 */
@ApplicationScoped
public class DemoClient {

    /** One API's telegrams as the demo services use them. */
    record Telegrams(String request, String result, String requestInfo, String provisionInfo, String provisionData) {
    }

    static final Map<String, Telegrams> TELEGRAMS = Map.of(
            "self-info", new Telegrams("IFA0301-R01", "IFA0303-R01", "selfProvisionDataReqInfo",
                    "selfPersonalDataProvisionInfo", "selfPersonalData"),
            "medical-insurance", new Telegrams("MIA0301-R01", "MIA0303-R01", "medicalInsuranceDataReqInfo",
                    "medicalInsuranceDataProvisionInfo", "medicalInsuranceData"));

    private static final Duration RESULT_PATIENCE = Duration.ofSeconds(20);
    private static final AtomicInteger SEQUENCE = new AtomicInteger(new SecureRandom().nextInt(10_000));

    @Inject
    @ConfigProperty(name = "mynasim.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** Where the demo services reach the simulator; the public base URL unless the server cannot call itself there. */
    @Inject
    @ConfigProperty(name = "mynasim.demo.simulator-url")
    java.util.Optional<String> simulatorUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile DefaultJWTProcessor<SecurityContext> tokens;

    /** A failed step, with the simulator's error code and its Japanese reason when it gave them. */
    public static class Failed extends RuntimeException {
        private final String code;

        Failed(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public String clientId(String serviceId) {
        return "SP00000001_" + serviceId;
    }

    public String redirectUri(String serviceId) {
        return base() + "/demo/" + serviceId + "/callback";
    }

    public String authorizeUrl(String serviceId, String state) {
        return base() + "/test/online-authorization-web/oauth/authorize?response_type=code&client_id="
                + clientId(serviceId) + "&redirect_uri=" + encode(redirectUri(serviceId)) + "&state=" + encode(state)
                + "&login_type=0";
    }

    /** The code exchanged at the token endpoint; the access token's claims checked with the published keys. */
    public JWTClaimsSet token(String serviceId, String code) {
        JsonObject answer = post("/test/online-authorization-web/oauth/token", "application/x-www-form-urlencoded",
                form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri(serviceId),
                        "client_id", clientId(serviceId))), null);
        if (!answer.containsKey("access_token")) {
            throw new Failed(answer.getString("error", "token"), answer.getString("error_description", ""));
        }
        try {
            String token = answer.getString("access_token");
            JWTClaimsSet claims = processor().process(token, null);
            return new JWTClaimsSet.Builder(claims).claim("access_token", token).build();
        } catch (Exception e) {
            throw new Failed("token", "the access token did not verify: " + e.getMessage());
        }
    }

    /** One API's data: request, then the result (retried while it is not ready); the data JSON of the result. */
    public JsonObject fetch(String accessToken, String api) {
        Telegrams telegrams = TELEGRAMS.get(api);
        JsonObject accepted = post("/test/online-resource-web/request", "application/json",
                "{\"commonHeader\":{\"telegramId\":\"" + telegramId() + "\",\"telegramType\":\"" + telegrams.request()
                        + "\",\"mode\":\"1\",\"processId\":\"\",\"errorCode\":\"\"},\"" + telegrams.requestInfo() + "\":{}}",
                accessToken);
        String processId = header(accepted).getString("processId");
        long deadline = System.nanoTime() + RESULT_PATIENCE.toNanos();
        while (true) {
            JsonObject result = post("/test/online-resource-web/result", "application/json",
                    "{\"commonHeader\":{\"telegramId\":\"" + telegramId() + "\",\"telegramType\":\"" + telegrams.result()
                            + "\",\"mode\":\"1\",\"processId\":\"" + processId + "\",\"errorCode\":\"\"}}", accessToken,
                    "EPR0002");
            if (!"EPR0002".equals(result.getJsonObject("commonHeader").getString("errorCode", ""))) {
                return read(result.getJsonObject(telegrams.provisionInfo()).getString(telegrams.provisionData()));
            }
            if (System.nanoTime() > deadline) {
                throw new Failed("EPR0002", "the result was not ready in time");
            }
            pause();
        }
    }

    private JsonObject post(String path, String type, String body, String bearer, String... tolerated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("network", "could not reach the simulator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("network", "interrupted");
        }
        JsonObject answer;
        try {
            answer = read(response.body());
        } catch (RuntimeException e) {
            throw new Failed("HTTP " + response.statusCode(), "the answer was not JSON");
        }
        if (answer.containsKey("commonHeader")) {
            String errorCode = header(answer).getString("errorCode", "");
            if (!errorCode.isEmpty() && !java.util.Arrays.asList(tolerated).contains(errorCode)) {
                String reason = answer.containsKey("errorDetail")
                        ? answer.getJsonObject("errorDetail").getString("messageJa", "") : "";
                throw new Failed(errorCode, reason);
            }
        } else if (response.statusCode() >= 400 && !answer.containsKey("error")) {
            throw new Failed("HTTP " + response.statusCode(), answer.getString("detail_ja", ""));
        }
        return answer;
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws MalformedURLException {
        if (tokens == null) {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                    URI.create(simulator() + "/test/online-authorization-web/oauth/jwks").toURL()).build();
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            tokens = processor;
        }
        return tokens;
    }

    private String telegramId() {
        return "TL-00000001-" + LocalDateTime.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
                + "-" + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000);
    }

    private String base() {
        return baseUrl.replaceAll("/+$", "");
    }

    private String simulator() {
        return simulatorUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", "")).orElse(base());
    }

    private static JsonObject header(JsonObject telegram) {
        return telegram.getJsonObject("commonHeader");
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("network", "interrupted");
        }
    }
}
