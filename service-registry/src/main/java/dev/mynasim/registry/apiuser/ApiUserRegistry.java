package dev.mynasim.registry.apiuser;

import dev.mynasim.registry.api.ApiUserAdmin;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Registers and changes API users; the operator sees all, a console account only its own. */
@ApplicationScoped
public class ApiUserRegistry implements ApiUserAdmin {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Transactional
    public ApiUser register(Caller caller, ApiUserId id, String name, CorporateNumber corporateNumber) {
        caller.requireOperator();
        if (em.find(ApiUser.class, id.value()) != null) {
            throw RuleViolation.conflict("apiUserId", "api-user-exists", "API user " + id + " already exists",
                    "API 利用者 " + id + " は既に登録されています");
        }
        ApiUser user = new ApiUser(id, name, corporateNumber, clock.instant());
        em.persist(user);
        // the other tables refer to API users by plain id columns, not JPA associations, so EclipseLink cannot
        // order the inserts itself: write this row first
        em.flush();
        audit.record(caller.name(), "api-user.register", id.value(), "name=" + user.name());
        return user;
    }

    @Transactional
    public ApiUser change(Caller caller, ApiUserId id, String name, CorporateNumber corporateNumber) {
        ApiUser user = get(caller, id);
        user.change(name, corporateNumber, clock.instant());
        audit.record(caller.name(), "api-user.change", id.value(), "name=" + user.name());
        return user;
    }

    /** The API user, or not-found when it does not exist or the caller may not see it. */
    @Transactional
    public ApiUser get(Caller caller, ApiUserId id) {
        ApiUser user = em.find(ApiUser.class, id.value());
        if (user == null || !caller.mayAccess(id)) {
            throw RuleViolation.notFound("API user", id.value());
        }
        return user;
    }

    /** The API user's name, for screens that show who asks (no access check: names are public on consent). */
    @Transactional
    public String name(ApiUserId id) {
        ApiUser user = em.find(ApiUser.class, id.value());
        return user == null ? id.value() : user.name();
    }

    @Transactional
    public boolean exists(ApiUserId id) {
        return em.find(ApiUser.class, id.value()) != null;
    }

    @Transactional
    public List<ApiUser> list(Caller caller) {
        return em.createQuery("select u from ApiUser u order by u.id", ApiUser.class).getResultStream()
                .filter(u -> caller.mayAccess(u.id()))
                .toList();
    }

    @Override
    @Transactional
    public List<ApiUserView> apiUsers(Caller caller) {
        return list(caller).stream().map(ApiUserRegistry::view).toList();
    }

    /** The same checks, in the same order, as {@code POST /admin/api/api-users}. */
    @Override
    @Transactional
    public ApiUserView register(Caller caller, String apiUserId, String name, String corporateNumber) {
        ApiUserId id = new ApiUserId(RuleViolation.required("apiUserId", apiUserId));
        return view(register(caller, id, name, new CorporateNumber(corporateNumber)));
    }

    private static ApiUserView view(ApiUser user) {
        return new ApiUserView(user.id(), user.name(), user.corporateNumber().value(), user.createdAt());
    }
}
