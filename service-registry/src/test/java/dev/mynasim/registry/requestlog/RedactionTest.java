package dev.mynasim.registry.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RequestLog.Seen;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void secretsShowTheirKindAndAFingerprintAndPinsOnlyTheirKind() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", List.of("authorization_code"));
        parameters.put("code", List.of("Zx81qWErty"));
        parameters.put("code_verifier", List.of("verifier-0123456789"));
        parameters.put("client_secret", List.of("s3cret-value"));
        parameters.put("mynasim_pin", List.of("4827"));
        parameters.put("redirect_uri", List.of("https://sp.example/cb"));
        String basic = "Basic " + Base64.getEncoder().encodeToString("SP00000001_AA0001:pa55word".getBytes(
                StandardCharsets.UTF_8));
        String body = "{\"refresh_token\":\"rt-abcdef\",\"password\":\"hunter22\",\"note\":\"eyJa.eyJb.c2ln\"}";

        String view = Redaction.view(new Seen(Instant.EPOCH, Environment.TEST, "oidc/token", "POST", null, null,
                parameters, basic, body, 200, null, null, Map.of(), 1));

        for (String secret : List.of("Zx81qWErty", "verifier-0123456789", "s3cret-value", "4827", "pa55word",
                "rt-abcdef", "hunter22", "eyJb")) {
            assertThat(view).as(secret).doesNotContain(secret);
        }
        assertThat(view).startsWith("POST oidc/token?grant_type=authorization_code&code=[code #")
                .contains("&mynasim_pin=[mynasim_pin]&redirect_uri=https://sp.example/cb",
                        "Authorization: Basic SP00000001_AA0001:[secret #", "\"password\":\"[password]\"",
                        "\"note\":\"[jwt #");
        assertThat(Redaction.fingerprint("code", "Zx81qWErty")).as("the same value, the same fingerprint")
                .isEqualTo(Redaction.fingerprint("code", "Zx81qWErty")).matches("\\[code #[a-z]{8}]");
    }

    @Test
    void aBearerTokenIsFingerprintedAndALongViewIsCut() {
        String view = Redaction.view(new Seen(Instant.EPOCH, Environment.TEST, "api/v1/self-info/records", "GET",
                null, null, Map.of(), "Bearer eyJhbGciOi.eyJzdWIi.sig", null, 200, null, null, Map.of(), 1));
        assertThat(view).isEqualTo("GET api/v1/self-info/records\nAuthorization: Bearer "
                + Redaction.fingerprint("access token", "eyJhbGciOi.eyJzdWIi.sig"));

        String cut = Redaction.view(new Seen(Instant.EPOCH, Environment.TEST, "api/v1/self-info/records", "GET",
                null, null, Map.of("q", List.of("x".repeat(5000))), null, null, 200, null, null, Map.of(), 1));
        assertThat(cut).hasSize(Redaction.MAX).endsWith("x…");
    }
}
