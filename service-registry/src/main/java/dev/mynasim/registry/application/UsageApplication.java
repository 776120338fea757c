package dev.mynasim.registry.application;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 利用申請 of one API user: the steps of guideline section 4 walked in order, with the declarations the guideline
 * asks for (the skip feature during development, the grouping again in the production application).
 */
@Entity
@Table(name = "usage_application")
public class UsageApplication {

    static final int MAX_NOTE = 500;

    /** The application is keyed by its API user: one application each. */
    @Id
    @Column(name = "api_user_id")
    private String apiUserId;
    @Column(name = "step")
    private int step;
    @Column(name = "skip_feature_declared")
    private boolean skipFeatureDeclared;
    @Column(name = "production_grouping_declared")
    private boolean productionGroupingDeclared;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "usage_application_transition", joinColumns = @JoinColumn(name = "api_user_id"))
    @OrderColumn(name = "position")
    private List<Transition> transitions = new ArrayList<>();
    @Version
    private int version;

    protected UsageApplication() {
    }

    public UsageApplication(ApiUserId apiUser, String actor, Instant now) {
        this.apiUserId = apiUser.value();
        this.step = Step.FIRST.number();
        transitions.add(new Transition("start", Step.FIRST, actor, now, null));
    }

    /** Moves to the next step; steps are walked one by one, so the launch comes only after the pre-launch check. */
    public void advance(Step target, String actor, String note, Instant now) {
        Step current = step();
        if (current.equals(Step.LAUNCHED)) {
            throw RuleViolation.conflict("step", "application-launched",
                    "The service has already launched; there is no further step",
                    "既にサービス提供を開始しています。これ以上進めるステップはありません");
        }
        if (!target.equals(current.next())) {
            throw RuleViolation.conflict("step", "step-order",
                    "The application is at " + current.code() + "; the next step is " + current.next().code()
                            + ", not " + target.code(),
                    "利用申請は " + current.code() + " にあります。次のステップは " + current.next().code()
                            + " です (指定: " + target.code() + ")");
        }
        checkNote(note);
        step = target.number();
        transitions.add(new Transition("advance", target, actor, now, note));
    }

    /** Guideline 4.1.2 (1): the skip feature is declared in advance, before the connection test starts. */
    public void declareSkipFeature(String actor, String note, Instant now) {
        if (skipFeatureDeclared) {
            throw RuleViolation.conflict("declaration", "already-declared", "The skip feature is already declared",
                    "本人確認省略機能は既に申出済みです");
        }
        if (!step().isBefore(Step.CONNECTION_TEST_APPLICATION)) {
            throw RuleViolation.conflict("declaration", "skip-declaration-too-late",
                    "The skip feature must be declared before the connection test starts (before A-10); "
                            + "the application is at " + step().code(),
                    "本人確認省略機能は接続試験の開始前 (A-10 より前) に申し出る必要があります。現在: " + step().code());
        }
        checkNote(note);
        skipFeatureDeclared = true;
        transitions.add(new Transition("declare-skip-feature", step(), actor, now, note));
    }

    /** Guideline 4.1.2 (3): groups are applied for again in the production application (TEST groups are not copied). */
    public void declareProductionGrouping(String actor, String note, Instant now) {
        if (productionGroupingDeclared) {
            throw RuleViolation.conflict("declaration", "already-declared", "The production grouping is already declared",
                    "本番環境のグルーピングは既に申請済みです");
        }
        if (step().isBefore(Step.PRODUCTION_APPLICATION) || step().equals(Step.LAUNCHED)) {
            throw RuleViolation.conflict("declaration", "grouping-declaration-phase",
                    "Grouping for production is declared with the production application (A-16 … A-21); "
                            + "the application is at " + step().code(),
                    "本番環境のグルーピングは本番動作確認の利用申請 (A-16～A-21) で申請します。現在: " + step().code());
        }
        if (!skipFeatureDeclared) {
            throw RuleViolation.conflict("declaration", "grouping-needs-skip-feature",
                    "Grouping needs the skip feature, which this application never declared",
                    "グルーピングには本人確認省略機能の申出が必要ですが、申出がありません");
        }
        checkNote(note);
        productionGroupingDeclared = true;
        transitions.add(new Transition("declare-production-grouping", step(), actor, now, note));
    }

    /**
     * Why a registration of this API user may not be used now, or empty when it may. Gated mode only: in sandbox
     * mode TEST registrations are usable at once and the application is optional.
     */
    public static Optional<RuleViolation> whyUnusable(Optional<UsageApplication> application, Environment environment,
                                                      boolean skipFeature) {
        if (application.isEmpty()) {
            return Optional.of(RuleViolation.conflict("environment", "application-required",
                    "The API user has no usage application; outside sandbox mode registrations need one",
                    "API 利用者の利用申請がありません。サンドボックスモード以外では利用申請が必要です"));
        }
        UsageApplication app = application.get();
        Step needed = environment == Environment.TEST ? Step.CONNECTION_TEST_APPROVED : Step.PRODUCTION_APPLICATION;
        if (app.step().isBefore(needed)) {
            return Optional.of(RuleViolation.conflict("environment", environment == Environment.TEST
                            ? "connection-test-not-approved" : "production-application-required",
                    environment.name() + " use needs the usage application at " + needed.code()
                            + " or later; it is at " + app.step().code(),
                    environment.labelJa() + "の利用には利用申請が " + needed.code() + " 以降である必要があります。現在: "
                            + app.step().code()));
        }
        if (skipFeature && !app.skipFeatureDeclared) {
            return Optional.of(RuleViolation.conflict("skipFeature", "skip-feature-not-declared",
                    "The skip feature was not declared in the usage application",
                    "利用申請で本人確認省略機能が申し出られていません"));
        }
        return Optional.empty();
    }

    /** Gated mode: PRODUCTION registrations exist only from the production application on. */
    public static void checkProductionRegistration(Optional<UsageApplication> application) {
        if (application.map(app -> app.step().isBefore(Step.PRODUCTION_APPLICATION)).orElse(true)) {
            throw RuleViolation.conflict("environment", "production-application-required",
                    "PRODUCTION registrations exist only from the production application (A-16) on",
                    "本番環境の登録は本番動作確認の利用申請 (A-16) 以降にのみ行えます");
        }
    }

    /** Gated mode: PRODUCTION groups need the grouping declared again in the production application. */
    public static void checkProductionGroup(Optional<UsageApplication> application) {
        if (!application.map(app -> app.productionGroupingDeclared).orElse(false)) {
            throw RuleViolation.conflict("environment", "production-grouping-not-declared",
                    "PRODUCTION groups need the grouping declared in the production application; TEST groups are not copied",
                    "本番環境のグループには本番動作確認の利用申請でのグルーピング申請が必要です (接続確認環境のグループは引き継がれません)");
        }
    }

    private static void checkNote(String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw RuleViolation.invalid("note", "note-length", "note must be at most " + MAX_NOTE + " characters",
                    "note は " + MAX_NOTE + " 文字以内で指定してください");
        }
    }

    public ApiUserId apiUser() {
        return new ApiUserId(apiUserId);
    }

    public Step step() {
        return new Step(step);
    }

    public boolean skipFeatureDeclared() {
        return skipFeatureDeclared;
    }

    public boolean productionGroupingDeclared() {
        return productionGroupingDeclared;
    }

    public List<Transition> transitions() {
        return List.copyOf(transitions);
    }
}
