package dev.mynasim.registry.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts the code serving a request notes for the request log's diagnosis (the client a code was issued to, the
 * challenge it carried, the client a verified token belongs to). Held per thread between {@link #open()} and
 * {@link #close()}, which the web layer calls around each logged request; {@link #note} outside them does nothing.
 * Never note a secret: a fact may be shown to the service's owner.
 */
public final class RequestFacts {

    private static final ThreadLocal<Map<String, String>> FACTS = new ThreadLocal<>();

    private RequestFacts() {
    }

    public static void open() {
        FACTS.set(new LinkedHashMap<>());
    }

    public static void note(String key, String value) {
        Map<String, String> facts = FACTS.get();
        if (facts != null && value != null) {
            facts.put(key, value);
        }
    }

    /** Whether this thread serves a logged request (between {@link #open()} and {@link #close()}). */
    public static boolean collecting() {
        return FACTS.get() != null;
    }

    /** The facts noted since {@link #open()}; ends the collection. */
    public static Map<String, String> close() {
        Map<String, String> facts = FACTS.get();
        FACTS.remove();
        return facts == null ? Map.of() : facts;
    }
}
