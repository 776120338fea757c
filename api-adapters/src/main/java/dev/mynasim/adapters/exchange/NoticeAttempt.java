package dev.mynasim.adapters.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One attempt to deliver a completion notice: when, the HTTP status if any, and what happened in plain words. */
@Entity
@Table(name = "notice_attempt")
public class NoticeAttempt {

    @Id
    private String id;
    @Column(name = "process_id")
    private String processId;
    private int attempt;
    @Column(name = "attempted_at")
    private Instant attemptedAt;
    @Column(name = "http_status")
    private Integer httpStatus;
    private String outcome;

    protected NoticeAttempt() {
    }

    NoticeAttempt(String processId, int attempt, Instant attemptedAt, Integer httpStatus, String outcome) {
        this.id = UUID.randomUUID().toString();
        this.processId = processId;
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.outcome = outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
    }

    public int attempt() {
        return attempt;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    public String outcome() {
        return outcome;
    }
}
