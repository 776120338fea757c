package dev.mynasim.registry.api;

import java.util.Arrays;

/** 接続確認環境 and 本番: each has its own registrations, credentials and groups, and its own base path. */
public enum Environment {
    TEST("test", "接続確認環境"),
    PRODUCTION("production", "本番");

    private final String path;
    private final String labelJa;

    Environment(String path, String labelJa) {
        this.path = path;
        this.labelJa = labelJa;
    }

    /** The path segment of the environment's base ({@code /test}, {@code /production}). */
    public String path() {
        return path;
    }

    public String labelJa() {
        return labelJa;
    }

    /** Accepts the path segment or the constant name, in any case. */
    public static Environment parse(String value) {
        return Arrays.stream(values())
                .filter(e -> e.path.equalsIgnoreCase(value) || e.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalid("environment", "environment-unknown",
                        "Environment must be test or production, got: " + value,
                        "環境は test または production で指定してください。入力値: " + value));
    }
}
