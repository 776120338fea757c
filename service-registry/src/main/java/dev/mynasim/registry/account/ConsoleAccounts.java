package dev.mynasim.registry.account;

import dev.mynasim.registry.api.AccountAdmin;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ConsoleLogin;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.SchemaMigrated;
import dev.mynasim.registry.apiuser.ApiUserRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console accounts: created by the operator, each API-user account bound to one API user; passwords hashed with the
 * container's PBKDF2. The first operator comes from configuration on first start.
 */
@ApplicationScoped
public class ConsoleAccounts implements ConsoleLogin, AccountAdmin {

    private static final Logger LOG = Logger.getLogger(ConsoleAccounts.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Inject
    private ApiUserRegistry apiUsers;

    @Inject
    private Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "mynasim.admin.bootstrap-user", defaultValue = "operator")
    String bootstrapUser;

    @Inject
    @ConfigProperty(name = "mynasim.admin.bootstrap-password")
    String bootstrapPassword;

    /** Creates the configured operator when no account of that name exists; runs before any demo data. */
    @Transactional
    void bootstrap(@Observes @Priority(100) SchemaMigrated migrated) {
        if (em.find(ConsoleAccount.class, bootstrapUser) == null) {
            em.persist(new ConsoleAccount(bootstrapUser, hash(bootstrapPassword), null, clock.instant()));
            audit.record(Caller.SYSTEM.name(), "account.bootstrap", bootstrapUser, "role=operator");
            LOG.info(() -> "Created the operator account " + bootstrapUser);
        }
    }

    @Transactional
    public ConsoleAccount create(Caller caller, String username, String password, ApiUserId apiUser) {
        caller.requireOperator();
        ConsoleAccount.checkUsername(username);
        ConsoleAccount.checkPassword(password);
        if (apiUser != null) {
            apiUsers.get(caller, apiUser);
        }
        if (em.find(ConsoleAccount.class, username) != null) {
            throw RuleViolation.conflict("username", "account-exists", "Account " + username + " already exists",
                    "アカウント " + username + " は既にあります");
        }
        var account = new ConsoleAccount(username, hash(password), apiUser, clock.instant());
        em.persist(account);
        audit.record(caller.name(), "account.create", username,
                "role=" + account.role() + account.apiUser().map(id -> " apiUser=" + id).orElse(""));
        return account;
    }

    @Transactional
    public ConsoleAccount changePassword(Caller caller, String username, String password) {
        ConsoleAccount account = get(caller, username);
        account.changePasswordHash(hash(ConsoleAccount.checkPassword(password)));
        audit.record(caller.name(), "account.password", username, null);
        return account;
    }

    @Override
    @Transactional
    public void remove(Caller caller, String username) {
        caller.requireOperator();
        ConsoleAccount account = get(caller, username);
        if (account.username().equals(caller.name())) {
            throw RuleViolation.conflict("username", "account-self", "An operator cannot remove its own account",
                    "自分自身のアカウントは削除できません");
        }
        em.remove(account);
        audit.record(caller.name(), "account.remove", username, null);
    }

    /** The account, visible to the operator and to itself only. */
    @Transactional
    public ConsoleAccount get(Caller caller, String username) {
        ConsoleAccount account = em.find(ConsoleAccount.class, username);
        if (account == null || !(caller.operator() || account.username().equals(caller.name()))) {
            throw RuleViolation.notFound("Account", username);
        }
        return account;
    }

    @Transactional
    public List<ConsoleAccount> list(Caller caller) {
        return em.createQuery("select a from ConsoleAccount a order by a.username", ConsoleAccount.class)
                .getResultStream().filter(a -> caller.operator() || a.username().equals(caller.name())).toList();
    }

    @Override
    @Transactional
    public Optional<Caller> authenticate(String username, String password) {
        ConsoleAccount account = username == null ? null : em.find(ConsoleAccount.class, username);
        if (account == null) {
            // the same PBKDF2 work as for a real account, so timing does not tell which user names exist
            hash.verify(String.valueOf(password).toCharArray(), unknownUserHash());
            return Optional.empty();
        }
        if (password == null || !hash.verify(password.toCharArray(), account.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(account.caller());
    }

    private volatile String unknownUserHash;

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = hash(java.util.UUID.randomUUID().toString());
        }
        return unknownUserHash;
    }

    private String hash(String password) {
        hash.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "60000"));
        return hash.generate(password.toCharArray());
    }

    @Override
    @Transactional
    public List<AccountView> accounts(Caller caller) {
        return list(caller).stream().map(ConsoleAccounts::view).toList();
    }

    /** As {@code POST /admin/api/accounts}: a blank API user id makes an operator account. */
    @Override
    @Transactional
    public AccountView createAccount(Caller caller, String username, String password, String apiUserId) {
        ApiUserId apiUser = apiUserId == null || apiUserId.isBlank() ? null : new ApiUserId(apiUserId.strip());
        return view(create(caller, username, password, apiUser));
    }

    private static AccountView view(ConsoleAccount account) {
        return new AccountView(account.username(), account.apiUser().isEmpty(), account.apiUser(),
                account.createdAt());
    }
}
