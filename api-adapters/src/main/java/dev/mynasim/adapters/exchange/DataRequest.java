package dev.mynasim.adapters.exchange;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;

/** An accepted request of the exchange, and where its completion notice stands. Survives a restart. */
@Entity
@Table(name = "data_request")
public class DataRequest {

    /** The completion notice: waiting, delivered, given up after the last attempt, or withheld by a failure rule. */
    public enum NoticeState { PENDING, DELIVERED, FAILED, WITHHELD, NO_CALLBACK }

    @Id
    @Column(name = "process_id")
    private String processId;
    @Column(name = "telegram_id")
    private String telegramId;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "client_id")
    private String clientId;
    private String api;
    @Column(name = "person_id")
    private String personId;
    @Column(name = "grant_id")
    private String grantId;
    private String mode;
    private String accepted;
    @Column(name = "callback_url")
    private String callbackUrl;
    @Enumerated(EnumType.STRING)
    @Column(name = "notice_state")
    private NoticeState noticeState;
    @Column(name = "ready_at")
    private Instant readyAt;
    @Column(name = "notice_due_at")
    private Instant noticeDueAt;
    @Column(name = "notice_copies")
    private int noticeCopies;
    private int attempts;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DataRequest() {
    }

    DataRequest(String processId, String telegramId, VerifiedAccessToken token, MynaApi api, String mode,
                JsonObject accepted, Optional<String> callbackUrl, Instant now, Instant readyAt) {
        this.processId = processId;
        this.telegramId = telegramId;
        this.environment = token.environment();
        this.clientId = token.client().toString();
        this.api = api.code();
        this.personId = token.person().value();
        this.grantId = token.grantId();
        this.mode = mode;
        this.accepted = accepted.toString();
        this.callbackUrl = callbackUrl.orElse(null);
        this.noticeState = callbackUrl.isPresent() ? NoticeState.PENDING : NoticeState.NO_CALLBACK;
        this.readyAt = readyAt;
        this.noticeDueAt = readyAt;
        this.noticeCopies = 1;
        this.createdAt = now;
    }

    /** What a failure rule did to the notice: withhold it, delay it, or send it twice. */
    void withhold() {
        if (noticeState == NoticeState.PENDING) {
            noticeState = NoticeState.WITHHELD;
        }
    }

    void delayNotice(long seconds) {
        noticeDueAt = noticeDueAt.plusSeconds(seconds);
    }

    void sendTwice() {
        noticeCopies = 2;
    }

    /** After an attempt: delivered, or the next attempt's time, or given up. */
    void attempted(boolean delivered, Instant next, int maxAttempts) {
        attempts++;
        leaseUntil = null;
        if (delivered) {
            noticeState = NoticeState.DELIVERED;
        } else if (attempts >= maxAttempts || next == null) {
            noticeState = NoticeState.FAILED;
        } else {
            noticeDueAt = next;
        }
    }

    public String processId() {
        return processId;
    }

    public String telegramId() {
        return telegramId;
    }

    public Environment environment() {
        return environment;
    }

    public ClientId client() {
        return ClientId.parse(clientId);
    }

    public MynaApi api() {
        return MynaApi.fromCode(api);
    }

    public String personId() {
        return personId;
    }

    public String mode() {
        return mode;
    }

    public JsonObject accepted() {
        try (var reader = JSON.createReader(new StringReader(accepted))) {
            return reader.readObject();
        }
    }

    public Optional<String> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    public NoticeState noticeState() {
        return noticeState;
    }

    public Instant readyAt() {
        return readyAt;
    }

    public Instant noticeDueAt() {
        return noticeDueAt;
    }

    public int noticeCopies() {
        return noticeCopies;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
