package dev.mynasim.registry.fault;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One failure-injection rule as stored: for one service ({@code client_id}) in one environment. The steps that apply
 * it see it as the {@link FaultRule} value of the registry api.
 */
@Entity
@Table(name = "fault_rule")
public class FaultRuleRow {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "client_id")
    private String clientId;
    @Enumerated(EnumType.STRING)
    private MynaApi api;
    @Enumerated(EnumType.STRING)
    private FaultStep step;
    @Enumerated(EnumType.STRING)
    private FaultEffect effect;
    private String parameter;
    @Column(name = "active_from")
    private Instant activeFrom;
    @Column(name = "active_until")
    private Instant activeUntil;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected FaultRuleRow() {
    }

    public FaultRuleRow(Environment environment, ClientId clientId, FaultDefinition definition, String createdBy,
                        Instant now) {
        this.id = UUID.randomUUID().toString();
        this.createdBy = createdBy;
        this.createdAt = now;
        change(environment, clientId, definition);
    }

    /** Replaces everything but the id and who created it when. */
    public void change(Environment environment, ClientId clientId, FaultDefinition definition) {
        this.environment = environment;
        this.clientId = clientId.toString();
        this.api = definition.api().orElse(null);
        this.step = definition.step().orElse(null);
        this.effect = definition.effect();
        this.parameter = definition.parameter().orElse(null);
        this.activeFrom = definition.activeFrom().orElse(null);
        this.activeUntil = definition.activeUntil().orElse(null);
    }

    public FaultRule rule() {
        return new FaultRule(id, environment, clientId(), api(), step(), effect, parameter(), activeFrom(),
                activeUntil());
    }

    public String id() {
        return id;
    }

    public Environment environment() {
        return environment;
    }

    public ClientId clientId() {
        return ClientId.parse(clientId);
    }

    public ApiUserId owner() {
        return clientId().apiUser();
    }

    public Optional<MynaApi> api() {
        return Optional.ofNullable(api);
    }

    public Optional<FaultStep> step() {
        return Optional.ofNullable(step);
    }

    public FaultEffect effect() {
        return effect;
    }

    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    public Optional<Instant> activeFrom() {
        return Optional.ofNullable(activeFrom);
    }

    public Optional<Instant> activeUntil() {
        return Optional.ofNullable(activeUntil);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** How the audit trail describes the rule. */
    String describe() {
        return "rule=" + id + " effect=" + effect.code() + step().map(s -> " step=" + s.code()).orElse("")
                + api().map(a -> " api=" + a.code()).orElse("") + parameter().map(p -> " parameter=" + p).orElse("")
                + activeFrom().map(f -> " from=" + f).orElse("") + activeUntil().map(u -> " until=" + u).orElse("");
    }
}
