package dev.mynasim.registry.requestlog;

/** What a request log entry says went wrong, or that nothing did: a stable code (README) and the text in both languages. */
public record Diagnosis(String code, String ja, String en) {

    static final String OK = "ok";
}
