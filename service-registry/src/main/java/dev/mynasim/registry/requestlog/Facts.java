package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.RequestLog.Seen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The facts an entry keeps (README: Request log, Facts), as {@code key=value; key=value}: those the connection-test
 * report reads. The others (a code's client and challenge, a token's client) serve the diagnosis only.
 */
final class Facts {

    /** The card step's outcome, the exchange's API and processId, the notice's attempt and the token grant. */
    static final List<String> KEPT = List.of("verification", "skip.case", "api", "process", "notice.attempt",
            "grant_type");

    private Facts() {
    }

    static String kept(Seen seen) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : KEPT) {
            String value = seen.facts().get(key);
            if (value == null && key.equals("grant_type")) {
                value = Diagnoses.first(seen, "grant_type").orElse(null);
            }
            // a value is a code, an id or a number: anything else (a separator, a long text) is not a fact
            if (value != null && value.matches("[A-Za-z0-9_.:-]{1,64}")) {
                kept.put(key, value);
            }
        }
        return kept.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split("; ")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    facts.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return facts;
    }
}
