package dev.mynasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static JsonObject line(LogRecord record) {
        String text = new JsonLines().format(record);
        assertThat(text).endsWith("\n").doesNotContain("\n\n");
        assertThat(text.strip()).doesNotContain("\n");
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aRecordIsOneJsonObjectWithItsLevelLoggerAndFormattedMessage() {
        LogRecord record = new LogRecord(Level.WARNING, "service {0} answered \"{1}\"\tat\n{2}");
        record.setLoggerName("dev.mynasim.adapters");
        record.setParameters(new Object[] {"SP00000001_AA0001", 500, "a\\b"});

        JsonObject line = line(record);

        assertThat(line.getString("level")).isEqualTo("WARNING");
        assertThat(line.getString("logger")).isEqualTo("dev.mynasim.adapters");
        assertThat(line.getString("message")).isEqualTo("service SP00000001_AA0001 answered \"500\"\tat\na\\b");
        assertThat(line.getString("time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(line.containsKey("exception")).isFalse();
    }

    @Test
    void secretsInTheMessageAndTheStackTraceAreRedacted() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl";
        LogRecord record = new LogRecord(Level.SEVERE, "POST /token grant_type=authorization_code&code=Q1w2E3r4"
                + "&code_verifier=VERIFIERVALUE&client_secret=S3cr3tValue access_token: " + jwt
                + " Authorization: Bearer AbCdEfGh12345678 Basic b3BlcmF0b3I6cHc= {\"password\":\"hunter22\"}"
                + " mynasim.db.password=dbpass mynasim_pin=1234");
        record.setThrown(new IllegalStateException("refresh_token=RT-123456 rejected"));

        JsonObject line = line(record);
        String all = line.toString();

        for (String secret : new String[] {"Q1w2E3r4", "VERIFIERVALUE", "S3cr3tValue", jwt, "c2lnbmF0dXJlLXZhbHVl",
                "AbCdEfGh12345678", "b3BlcmF0b3I6cHc", "hunter22", "dbpass", "1234", "RT-123456"}) {
            assertThat(all).as(secret).doesNotContain(secret);
        }
        assertThat(line.getString("message")).contains("grant_type=authorization_code", "code=[redacted]",
                "client_secret=[redacted]", "Bearer [redacted]", "\"password\":\"[redacted]");
        assertThat(line.getString("exception")).contains("IllegalStateException", "refresh_token=[redacted]",
                "at dev.mynasim.launcher.JsonLinesTest");
    }

    @Test
    void wordsThatOnlyLookLikeSecretNamesStayAsTheyAre() {
        assertThat(JsonLines.redact("tokens issued: 5, error code 400, /test/oidc/token answered"))
                .isEqualTo("tokens issued: 5, error code 400, /test/oidc/token answered");
        assertThat(JsonLines.redact(null)).isEmpty();
    }
}
