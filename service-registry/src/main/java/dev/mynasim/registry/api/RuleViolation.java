package dev.mynasim.registry.api;

/**
 * A broken rule, named by the field it concerns and a stable rule code, with its message in English and Japanese.
 * Thrown by value objects and domain services; the web layer turns it into RFC 9457 problem details.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of failure this is; decides the HTTP status on the REST surfaces. */
    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String field;
    private final String rule;
    private final String messageJa;

    public RuleViolation(Kind kind, String field, String rule, String message, String messageJa) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
        this.messageJa = messageJa;
    }

    public static RuleViolation invalid(String field, String rule, String message, String messageJa) {
        return new RuleViolation(Kind.INVALID, field, rule, message, messageJa);
    }

    public static RuleViolation conflict(String field, String rule, String message, String messageJa) {
        return new RuleViolation(Kind.CONFLICT, field, rule, message, messageJa);
    }

    public static RuleViolation forbidden(String rule, String message, String messageJa) {
        return new RuleViolation(Kind.FORBIDDEN, null, rule, message, messageJa);
    }

    /** The same answer whether the record does not exist or belongs to someone else (DESIGN.md 9.8). */
    public static RuleViolation notFound(String what, String id) {
        return new RuleViolation(Kind.NOT_FOUND, null, "not-found",
                what + " " + id + " was not found", what + " " + id + " が見つかりません");
    }

    /** Fails with {@code invalid(field, "required", ...)} when the value is null or blank. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "required", field + " is required", field + " は必須です");
        }
        return value;
    }

    /** Fails with {@code invalid("body", "body-required", ...)} when a request came without a JSON body. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw invalid("body", "body-required", "A JSON request body is required",
                    "JSON のリクエストボディが必要です");
        }
        return body;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public String messageJa() {
        return messageJa;
    }
}
