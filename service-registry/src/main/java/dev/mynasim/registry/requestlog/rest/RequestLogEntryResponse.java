package dev.mynasim.registry.requestlog.rest;

import dev.mynasim.registry.api.RequestLog;
import java.time.Instant;
import java.util.Map;

/** One request log entry on the wire; {@code request} is the redacted view of what was sent. */
public record RequestLogEntryResponse(long id, Instant at, String environment, String service, String apiUser,
                                      String endpoint, String method, String request, int status, String error,
                                      String errorDescription, String result, Diagnosis diagnosis, int durationMs,
                                      Map<String, String> facts) {

    /** The diagnosis: its stable code (README: Request log) and its text in Japanese and English. */
    public record Diagnosis(String code, String ja, String en) {
    }

    public static RequestLogEntryResponse of(RequestLog.Entry e) {
        return new RequestLogEntryResponse(e.id(), e.at(), e.environment().path(), e.service(), e.apiUser(),
                e.endpoint(), e.method(), e.request(), e.status(), e.error(), e.errorDescription(), e.result(),
                new Diagnosis(e.diagnosisCode(), e.diagnosisJa(), e.diagnosisEn()), e.durationMs(), e.facts());
    }
}
