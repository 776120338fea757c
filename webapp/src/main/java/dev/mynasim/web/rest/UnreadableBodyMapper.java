package dev.mynasim.web.rest;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON the resource expects (malformed, wrong types, unknown fields, too large) is a 400
 * naming what was wrong, never a 500.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return problemFor(exception);
    }

    static Response problemFor(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.TooLarge tooLarge) {
                RuleViolation v = BodyLimitFilter.tooLarge(tooLarge.maxBytes);
                return new Problem(400, v.rule(), v.field(), v.getMessage(), v.messageJa()).response();
            }
            if (cause instanceof BodyLimitFilter.Unreadable) {
                return BodyLimitFilter.unreadable(false);
            }
            if (cause instanceof RuleViolation violation) {
                return new RuleViolationMapper().toResponse(violation);
            }
        }
        String reason = deepest(exception);
        return new Problem(400, "body-malformed", "body",
                "The request body is not valid JSON of the expected shape (unknown fields and wrong types are refused): "
                        + reason,
                "リクエストボディが期待する形式の JSON ではありません (未知の項目や型の誤りは受け付けません): " + reason)
                .response();
    }

    private static String deepest(Throwable exception) {
        String message = exception.getMessage();
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if ((cause instanceof JsonbException || cause instanceof JsonException) && cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? "unreadable" : message;
    }
}
