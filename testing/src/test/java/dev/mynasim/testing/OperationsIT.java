package dev.mynasim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mynasim.testing.Browser.Authorization;
import dev.mynasim.testing.Browser.Tokens;
import dev.mynasim.testing.Mynasim.Card;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator watches: the Prometheus counters of /metrics move with a journey, and the server log (run here
 * with {@code --log-format json}, see the pom) is one JSON object per line with no secret of the journey in it.
 */
@ExtendWith(MynasimExtension.class)
class OperationsIT {

    private static final List<String> COUNTED = List.of("verification.required", "verification.skipped",
            "verification.card-read", "consent.granted", "token.issue");

    @Test
    void aCaseTwoJourneyMovesTheFlowCardReadSkipConsentAndTokenCounters(Mynasim mynasim) throws Exception {
        Card card = mynasim.createCard("8642");
        Browser browser = mynasim.browser();
        Map<String, Long> before = counts(mynasim);

        Authorization first = browser.authorize(mynasim.service("SP00000001_AA0001")).card(card).approve();
        Tokens firstTokens = first.exchange();
        Authorization second = browser.authorize(mynasim.service("SP00000001_AA0002")).approve();
        Tokens secondTokens = second.exchange();
        Map<String, Long> after = counts(mynasim);

        assertThat(secondTokens.verificationSkipped()).isTrue();
        Map<String, Long> moved = new HashMap<>();
        COUNTED.forEach(action -> moved.put(action, after.get(action) - before.get(action)));
        assertThat(moved).containsExactlyInAnyOrderEntriesOf(Map.of("verification.required", 1L,
                "verification.skipped", 1L, "verification.card-read", 1L, "consent.granted", 2L, "token.issue", 2L));

        assertLogIsJsonLinesWithout(mynasim, List.of(first.code().orElseThrow(), second.code().orElseThrow(),
                firstTokens.accessToken(), secondTokens.accessToken()));
    }

    private static Map<String, Long> counts(Mynasim mynasim) {
        Map<String, Long> counts = new HashMap<>();
        COUNTED.forEach(action -> counts.put(action, mynasim.eventCount(action)));
        return counts;
    }

    private static void assertLogIsJsonLinesWithout(Mynasim mynasim, List<String> secrets) throws Exception {
        List<String> lines = Files.readAllLines(mynasim.logFile(), StandardCharsets.UTF_8);
        assertThat(lines).as("the log has the start's lines").hasSizeGreaterThan(10);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> object;
            try {
                object = JSONObjectUtils.parse(line);
            } catch (ParseException e) {
                throw new AssertionError("not a JSON log line: " + line, e);
            }
            assertThat(object).containsKeys("time", "level", "logger", "message");
            for (String secret : secrets) {
                assertThat(line).as("a log line holds a secret of the journey").doesNotContain(secret);
            }
        }
        assertThat(lines).anyMatch(line -> line.contains("\"message\":\"mynasim ready on http://localhost:"));
    }
}
