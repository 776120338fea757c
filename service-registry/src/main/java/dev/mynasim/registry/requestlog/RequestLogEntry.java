package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored request log entry: redacted, diagnosed, never changed after it is written. */
@Entity
@Table(name = "request_log")
public class RequestLogEntry {

    @Id
    @SequenceGenerator(name = "request_log_seq", sequenceName = "request_log_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_log_seq")
    private Long id;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "service_key")
    private String serviceKey;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "api_user")
    private String apiUser;
    private String endpoint;
    private String method;
    @Column(name = "request_view")
    private String requestView;
    private int status;
    private String error;
    @Column(name = "error_description")
    private String errorDescription;
    private String result;
    @Column(name = "diagnosis_code")
    private String diagnosisCode;
    @Column(name = "diagnosis_ja")
    private String diagnosisJa;
    @Column(name = "diagnosis_en")
    private String diagnosisEn;
    @Column(name = "duration_ms")
    private int durationMs;
    /** {@code key=value} pairs separated by {@code "; "}: the facts the report reads (README: Request log). */
    private String facts;

    protected RequestLogEntry() {
    }

    RequestLogEntry(Instant at, Environment environment, String clientId, String apiUser, String endpoint,
                    String method, String requestView, int status, String error, String errorDescription,
                    Diagnosis diagnosis, long durationMillis, String facts) {
        this.at = at;
        this.environment = environment;
        this.clientId = clientId;
        this.apiUser = apiUser;
        this.serviceKey = key(environment, clientId, apiUser);
        this.endpoint = clip(endpoint, 128);
        this.method = clip(method, 8);
        this.requestView = clip(requestView, 4000);
        this.status = status;
        this.error = error == null ? null : clip(error, 64);
        this.errorDescription = errorDescription == null ? null : clip(errorDescription, 1000);
        boolean failed = status >= 400 || error != null || diagnosis.code().startsWith("notice-")
                && !diagnosis.code().equals("notice-delivered");
        this.result = failed ? "error" : "ok";
        this.diagnosisCode = diagnosis.code();
        this.diagnosisJa = clip(diagnosis.ja(), 1000);
        this.diagnosisEn = clip(diagnosis.en(), 1000);
        this.durationMs = (int) Math.min(Integer.MAX_VALUE, Math.max(0, durationMillis));
        this.facts = facts == null || facts.isEmpty() ? null : clip(facts, 1000);
    }

    static String key(Environment environment, String clientId, String apiUser) {
        return environment.path() + "/" + (clientId != null ? clientId : apiUser != null ? apiUser : "-");
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public Environment environment() {
        return environment;
    }

    public String serviceKey() {
        return serviceKey;
    }

    public String clientId() {
        return clientId;
    }

    public String apiUser() {
        return apiUser;
    }

    public String endpoint() {
        return endpoint;
    }

    public String method() {
        return method;
    }

    public String requestView() {
        return requestView;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String errorDescription() {
        return errorDescription;
    }

    public String result() {
        return result;
    }

    public String diagnosisCode() {
        return diagnosisCode;
    }

    public String diagnosisJa() {
        return diagnosisJa;
    }

    public String diagnosisEn() {
        return diagnosisEn;
    }

    public int durationMs() {
        return durationMs;
    }

    public String facts() {
        return facts == null ? "" : facts;
    }
}
