package dev.mynasim.registry.application;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ApplicationAdmin;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.apiuser.ApiUserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts and walks usage applications, and answers whether the registry is in sandbox mode (applications optional)
 * or gated mode (applications gate use, as in a shared government deployment).
 */
@ApplicationScoped
public class UsageApplications implements ApplicationAdmin {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Inject
    private ApiUserRegistry apiUsers;

    @Inject
    @ConfigProperty(name = "mynasim.registry.sandbox", defaultValue = "true")
    boolean sandbox;

    @Override
    public boolean sandbox() {
        return sandbox;
    }

    @Transactional
    public UsageApplication start(Caller caller, ApiUserId apiUser) {
        apiUsers.get(caller, apiUser);
        if (em.find(UsageApplication.class, apiUser.value()) != null) {
            throw RuleViolation.conflict("apiUserId", "application-exists",
                    "API user " + apiUser + " already has a usage application",
                    "API 利用者 " + apiUser + " の利用申請は既にあります");
        }
        var application = new UsageApplication(apiUser, caller.name(), clock.instant());
        em.persist(application);
        audit.record(caller.name(), "application.start", apiUser.value(), "step=A-1");
        return application;
    }

    @Transactional
    public UsageApplication get(Caller caller, ApiUserId apiUser) {
        UsageApplication application = em.find(UsageApplication.class, apiUser.value());
        if (application == null || !caller.mayAccess(apiUser)) {
            throw RuleViolation.notFound("Usage application", apiUser.value());
        }
        return application;
    }

    @Transactional
    public List<UsageApplication> list(Caller caller) {
        return em.createQuery("select a from UsageApplication a order by a.apiUserId", UsageApplication.class)
                .getResultStream().filter(a -> caller.mayAccess(a.apiUser())).toList();
    }

    @Transactional
    public UsageApplication advance(Caller caller, ApiUserId apiUser, Step target, String note) {
        UsageApplication application = get(caller, apiUser);
        application.advance(target, caller.name(), note, clock.instant());
        audit.record(caller.name(), "application.advance", apiUser.value(), "step=" + target.code());
        return application;
    }

    @Transactional
    public UsageApplication declare(Caller caller, ApiUserId apiUser, Declaration declaration, String note) {
        UsageApplication application = get(caller, apiUser);
        switch (declaration) {
            case SKIP_FEATURE -> application.declareSkipFeature(caller.name(), note, clock.instant());
            case PRODUCTION_GROUPING -> application.declareProductionGrouping(caller.name(), note, clock.instant());
        }
        audit.record(caller.name(), "application.declare", apiUser.value(), "declaration=" + declaration.code());
        return application;
    }

    /** Why a registration may not be used now (always usable in sandbox mode). */
    @Transactional
    public Optional<RuleViolation> whyUnusable(ApiUserId apiUser, Environment environment, boolean skipFeature) {
        if (sandbox) {
            return Optional.empty();
        }
        return UsageApplication.whyUnusable(find(apiUser), environment, skipFeature);
    }

    @Transactional
    public void checkRegistration(ApiUserId apiUser, Environment environment) {
        if (!sandbox && environment == Environment.PRODUCTION) {
            UsageApplication.checkProductionRegistration(find(apiUser));
        }
    }

    @Transactional
    public void checkGroup(ApiUserId apiUser, Environment environment) {
        if (!sandbox && environment == Environment.PRODUCTION) {
            UsageApplication.checkProductionGroup(find(apiUser));
        }
    }

    private Optional<UsageApplication> find(ApiUserId apiUser) {
        return Optional.ofNullable(em.find(UsageApplication.class, apiUser.value()));
    }

    @Override
    public List<StepView> steps() {
        return java.util.stream.IntStream.rangeClosed(1, Step.LAUNCHED.number()).mapToObj(Step::new)
                .map(s -> new StepView(s.code(), s.label(), s.phase().labelJa())).toList();
    }

    @Override
    @Transactional
    public List<ApplicationView> applications(Caller caller) {
        return list(caller).stream().map(UsageApplications::view).toList();
    }

    @Override
    @Transactional
    public Optional<ApplicationView> application(Caller caller, ApiUserId apiUser) {
        return find(apiUser).filter(a -> caller.mayAccess(a.apiUser())).map(UsageApplications::view);
    }

    @Override
    @Transactional
    public ApplicationView startApplication(Caller caller, ApiUserId apiUser) {
        return view(start(caller, apiUser));
    }

    @Override
    @Transactional
    public ApplicationView advance(Caller caller, ApiUserId apiUser, String step, String note) {
        return view(advance(caller, apiUser, Step.parse(RuleViolation.required("step", step)), blankToNull(note)));
    }

    @Override
    @Transactional
    public ApplicationView declare(Caller caller, ApiUserId apiUser, String declaration, String note) {
        return view(declare(caller, apiUser, Declaration.fromCode(RuleViolation.required("declaration", declaration)),
                blankToNull(note)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ApplicationView view(UsageApplication a) {
        Step step = a.step();
        Optional<Step> next = step.equals(Step.LAUNCHED) ? Optional.empty() : Optional.of(step.next());
        return new ApplicationView(a.apiUser(), step.code(), step.label(), step.phase().labelJa(),
                next.map(Step::code), next.map(Step::label), a.skipFeatureDeclared(), a.productionGroupingDeclared(),
                a.transitions().stream().map(t -> new TransitionView(t.action(), t.step().code(), t.actor(), t.at(),
                        t.note())).toList());
    }
}
