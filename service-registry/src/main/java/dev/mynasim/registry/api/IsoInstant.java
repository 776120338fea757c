package dev.mynasim.registry.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an ISO-8601 instant from a request field, failing with a rule violation that names the field. */
public final class IsoInstant {

    private IsoInstant() {
    }

    /** The instant, or null when the value is null or blank. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(field, "instant-format",
                    field + " must be an ISO-8601 instant such as 2026-04-01T00:00:00Z, got: " + value,
                    field + " は 2026-04-01T00:00:00Z のような ISO-8601 形式で指定してください。入力値: " + value);
        }
    }
}
