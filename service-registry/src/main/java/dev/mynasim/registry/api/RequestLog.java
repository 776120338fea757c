package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The integrators' request log (README: Request log): what each request of a Web service sent and got, redacted,
 * with a diagnosis naming the rule and the fix. Written off the request path in batches; bounded per service.
 */
public interface RequestLog {

    /**
     * One request as the web layer saw it, before redaction: {@code endpoint} is the path after the environment
     * ({@code oidc/token}) or the admin path; {@code clientId} and {@code apiUser} say whose log it goes to (both
     * null: nobody's but the operator's); {@code facts} are what the serving code noted ({@link RequestFacts}).
     */
    record Seen(Instant at, Environment environment, String endpoint, String method, String clientId, String apiUser,
                Map<String, List<String>> parameters, String authorization, String body, int status, String error,
                String errorDescription, Map<String, String> facts, long durationMillis) {
    }

    void record(Seen seen);

    /** The filters of a read, as given (null or blank: any); checked by {@link #entries}. */
    record Filter(String environment, String service, String endpoint, String result, String from, String to) {

        public static final Filter ANY = new Filter(null, null, null, null, null, null);
    }

    /**
     * One stored entry: {@code request} is the redacted view of what was sent; result is ok or error; {@code facts}
     * what the serving code noted (README: Request log), never a secret.
     */
    record Entry(long id, Instant at, Environment environment, String service, String apiUser, String endpoint,
                 String method, String request, int status, String error, String errorDescription, String result,
                 String diagnosisCode, String diagnosisJa, String diagnosisEn, int durationMs,
                 Map<String, String> facts) {

        public String fact(String key) {
            return facts.get(key);
        }
    }

    record Page(long total, int offset, int limit, List<Entry> entries) {
    }

    /**
     * The entries the caller may see, newest first. A bad filter value is a 400 {@link RuleViolation} naming it;
     * another API user's service is not found (404); {@code limit} is 1 to {@code maxLimit}.
     */
    Page entries(Caller caller, Filter filter, int offset, int limit, int maxLimit);

    /** The matching entries (at most 10,000, newest first) as NDJSON: one JSON object per line, as the REST API's. */
    String ndjson(Caller caller, Filter filter);

    /** One entry; another API user's answers not found, as an unknown one. */
    Entry entry(Caller caller, long id);

    /**
     * The portal's answer to the service's redirect URI when the citizen stopped on a page (the card step's or the
     * consent screen's 連携をやめる): {@code error=access_denied}. A headless stop is in the authorize request's entry.
     */
    void authorizationDenied(Instant at, Environment environment, String clientId, String description);

    /** A completion-notice attempt (outgoing): its outcome, and when the next one is due ({@code null}: none). */
    void noticeAttempt(Instant at, Environment environment, String clientId, String processId, int attempt, Integer httpStatus,
                       String outcome, boolean delivered, Instant next);

    /**
     * The connection-test report of one of the caller's services in TEST, from its stored entries; another API
     * user's service is not found (404).
     */
    ConnectionTestReport report(Caller caller, String service);

    /** The same report as a printable HTML page, Japanese with English. */
    String reportPage(Caller caller, String service);

    /**
     * Submits the connection test from a passed report: the usage application moves from A-12 (接続試験の実施) to
     * A-13 (接続試験結果の提出) with the report's summary as the note. A report with an item not passed is a 409.
     */
    ApplicationAdmin.ApplicationView submit(Caller caller, String service);
}
