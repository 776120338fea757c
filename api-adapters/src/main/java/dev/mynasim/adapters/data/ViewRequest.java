package dev.mynasim.adapters.data;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One call of the synchronous view: the method, the date filter, the page, and a body for changes. */
public record ViewRequest(String method, Optional<LocalDate> from, Optional<LocalDate> to, int page, int size,
                          Optional<JsonObject> body) {

    public static final int MAX_SIZE = 100;

    public ViewRequest {
        if (page < 1) {
            throw RuleViolation.invalid("page", "page-range", "page starts at 1, got " + page,
                    "page は 1 以上です。入力値: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw RuleViolation.invalid("size", "size-range", "size is 1 to " + MAX_SIZE + ", got " + size,
                    "size は 1 から " + MAX_SIZE + " です。入力値: " + size);
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw RuleViolation.invalid("to", "date-range", "to is before from", "to が from より前です");
        }
    }

    public static ViewRequest get(String from, String to, String page, String size) {
        return new ViewRequest("GET", date("from", from), date("to", to), number("page", page, 1),
                number("size", size, 20), Optional.empty());
    }

    public static ViewRequest change(String method, JsonObject body) {
        return new ViewRequest(method, Optional.empty(), Optional.empty(), 1, 1, Optional.ofNullable(body));
    }

    public boolean reads() {
        return "GET".equals(method);
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static Optional<LocalDate> date(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(field, "date-format", field + " is a date like 2026-04-01, got: " + value,
                    field + " は 2026-04-01 の形式の日付です。入力値: " + value);
        }
    }

    private static int number(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid(field, "number-format", field + " is a whole number, got: " + value,
                    field + " は整数です。入力値: " + value);
        }
    }
}
