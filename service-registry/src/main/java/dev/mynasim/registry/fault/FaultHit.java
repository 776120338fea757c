package dev.mynasim.registry.fault;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One time a rule struck: when, at which step, on what (a transaction, process or token id) and what it did. */
@Entity
@Table(name = "fault_hit")
public class FaultHit {

    static final int MAX_SUBJECT = 256;
    static final int MAX_DETAIL = 1000;

    @Id
    private String id;
    @Column(name = "rule_id")
    private String ruleId;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "client_id")
    private String clientId;
    @Enumerated(EnumType.STRING)
    private FaultStep step;
    private String subject;
    private String detail;
    @Column(name = "detail_ja")
    private String detailJa;
    @Column(name = "hit_at")
    private Instant at;

    protected FaultHit() {
    }

    public FaultHit(FaultRule rule, FaultStep step, String subject, String detail, String detailJa, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.ruleId = rule.id();
        this.environment = rule.environment();
        this.clientId = rule.clientId().toString();
        this.step = step;
        this.subject = clip(subject == null ? "" : subject, MAX_SUBJECT);
        this.detail = detail == null ? null : clip(detail, MAX_DETAIL);
        this.detailJa = detailJa == null ? null : clip(detailJa, MAX_DETAIL);
        this.at = at;
    }

    /** Cuts a value to its column's width, so a long detail never makes the step that records it fail. */
    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public String id() {
        return id;
    }

    public String ruleId() {
        return ruleId;
    }

    public Environment environment() {
        return environment;
    }

    public String clientId() {
        return clientId;
    }

    public FaultStep step() {
        return step;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }

    /** The Japanese detail; a hit recorded before it had one shows the English. */
    public String detailJa() {
        return detailJa == null ? detail : detailJa;
    }

    public Instant at() {
        return at;
    }
}
