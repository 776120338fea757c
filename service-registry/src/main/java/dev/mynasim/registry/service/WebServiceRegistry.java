package dev.mynasim.registry.service;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.CallbackHosts;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.PinnedCertificate;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceAdmin;
import dev.mynasim.registry.api.ServiceDirectory;
import dev.mynasim.registry.api.ServiceId;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.apiuser.ApiUserRegistry;
import dev.mynasim.registry.application.UsageApplications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/** Registers, changes and removes Web services; an API user's console account reaches only its own. */
@ApplicationScoped
public class WebServiceRegistry implements ServiceDirectory, ServiceAdmin {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final int READ_LAST_BOUND = 10_000;

    /** Registrations as this node read them last, with the row id, version and API user name they were read with. */
    private final ConcurrentMap<String, Read> readLast = new ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Inject
    private ApiUserRegistry apiUsers;

    @Inject
    private UsageApplications applications;

    @Inject
    private CallbackHosts callbackHosts;

    @Inject
    private Event<ServiceRemoved> removed;

    @Transactional
    public WebService register(Caller caller, Environment environment, ClientId clientId,
                               ServiceRegistration registration) {
        apiUsers.get(caller, clientId.apiUser());
        if (findRegistration(environment, clientId).isPresent()) {
            throw RuleViolation.conflict("serviceId", "service-exists",
                    "Service " + clientId + " is already registered in " + environment.path(),
                    "サービス " + clientId + " は" + environment.labelJa() + "に既に登録されています");
        }
        checkCallback(registration);
        applications.checkRegistration(clientId.apiUser(), environment);
        var service = new WebService(environment, clientId, registration, clock.instant());
        em.persist(service);
        audit.record(caller.name(), "service.register", subject(environment, clientId), describe(service));
        return service;
    }

    @Transactional
    public WebService change(Caller caller, Environment environment, ClientId clientId,
                             ServiceRegistration registration) {
        WebService service = get(caller, environment, clientId);
        checkCallback(registration);
        if (service.redirectsChange(registration)) {
            service.dropRedirects();
            em.flush();
        }
        service.change(registration, clock.instant());
        // the version moves even when only the APIs or redirect URIs (collection tables) change: find() relies on it
        em.lock(service, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        audit.record(caller.name(), "service.change", subject(environment, clientId), describe(service));
        return service;
    }

    @Override
    @Transactional
    public void remove(Caller caller, Environment environment, ClientId clientId) {
        WebService service = get(caller, environment, clientId);
        service.group().ifPresent(group -> {
            throw RuleViolation.conflict("clientId", "service-grouped",
                    "Service " + clientId + " belongs to group " + group + "; change or remove the group first",
                    "サービス " + clientId + " はグループ " + group + " に属しています。先にグループを変更または削除してください");
        });
        em.remove(service);
        audit.record(caller.name(), "service.remove", subject(environment, clientId), null);
        removed.fire(new ServiceRemoved(caller, environment, clientId));
    }

    /** DESIGN.md 9.11: the simulator will call the callback URL, so its host must be on the allow-list. */
    private void checkCallback(ServiceRegistration registration) {
        if (registration.callbackUrl() != null) {
            callbackHosts.require("callbackUrl", registration.callbackUrl().value());
        }
    }

    /** The registration, or not-found when it does not exist or belongs to another API user. */
    @Transactional
    public WebService get(Caller caller, Environment environment, ClientId clientId) {
        return findRegistration(environment, clientId).filter(s -> caller.mayAccess(s.apiUser()))
                .orElseThrow(() -> RuleViolation.notFound("Service", clientId + " (" + environment.path() + ")"));
    }

    @Transactional
    public List<WebService> list(Caller caller, Environment environment) {
        return em.createQuery("select s from WebService s where s.environment = :env order by s.apiUserId, s.serviceId",
                        WebService.class)
                .setParameter("env", environment)
                .getResultStream().filter(s -> caller.mayAccess(s.apiUser())).toList();
    }

    @Transactional
    public Optional<WebService> findRegistration(Environment environment, ClientId clientId) {
        // the APIs come in the same query (one row per API); the redirect URIs, kept in order, come in a second
        return em.createQuery("select s from WebService s left join fetch s.apis where s.environment = :env "
                        + "and s.apiUserId = :user and s.serviceId = :service", WebService.class)
                .setParameter("env", environment)
                .setParameter("user", clientId.apiUser().value())
                .setParameter("service", clientId.service().value())
                .getResultStream().findFirst();
    }

    /** The registrations that belong to a group, in service id order. */
    @Transactional
    public List<WebService> members(Environment environment, ApiUserId owner, GroupId group) {
        return em.createQuery("select s from WebService s where s.environment = :env and s.apiUserId = :user "
                        + "and s.groupId = :group order by s.serviceId", WebService.class)
                .setParameter("env", environment)
                .setParameter("user", owner.value())
                .setParameter("group", group.value())
                .getResultList();
    }

    /**
     * The registration as the portal uses it, read on every step of a flow. One scalar query says whether the row
     * (by its id and version) and its API user's name are what this node read last; only then is the registration
     * read again (three queries). Any node's change moves the version, so every node sees it at once. Whether the
     * registration may be used now is worked out on every call.
     */
    @Override
    @Transactional
    public Optional<RegisteredService> find(Environment environment, ClientId clientId) {
        String key = environment.path() + "/" + clientId;
        Optional<Object[]> row = em.createQuery("select s.id, s.version, u.name from WebService s left join ApiUser u "
                        + "on u.id = s.apiUserId where s.environment = :env and s.apiUserId = :user "
                        + "and s.serviceId = :service", Object[].class)
                .setParameter("env", environment)
                .setParameter("user", clientId.apiUser().value())
                .setParameter("service", clientId.service().value())
                .getResultStream().findFirst();
        if (row.isEmpty()) {
            readLast.remove(key);
            return Optional.empty();
        }
        String id = (String) row.get()[0];
        int version = ((Number) row.get()[1]).intValue();
        String apiUserName = (String) row.get()[2];
        Read last = readLast.get(key);
        if (last != null && last.id().equals(id) && last.version() == version
                && Objects.equals(last.apiUserName(), apiUserName)) {
            return Optional.of(last.service().withUnusableReason(applications.whyUnusable(clientId.apiUser(),
                    environment, last.service().skipFeature()).map(RuleViolation::messageJa)));
        }
        Optional<RegisteredService> service = findRegistration(environment, clientId).map(this::registered);
        service.filter(found -> readLast.size() < READ_LAST_BOUND || readLast.containsKey(key))
                .ifPresent(found -> readLast.put(key, new Read(id, version, apiUserName, found)));
        return service;
    }

    private record Read(String id, int version, String apiUserName, RegisteredService service) {
    }

    @Override
    @Transactional
    public RegisteredService pinCertificate(Caller caller, Environment environment, ClientId clientId,
                                            PinnedCertificate pinned) {
        WebService service = get(caller, environment, clientId);
        service.pinCertificate(pinned);
        audit.record(caller.name(), pinned == null ? "service.tls-certificate.remove" : "service.tls-certificate",
                subject(environment, clientId), pinned == null ? null
                        : "sha256=" + pinned.sha256() + " notAfter=" + pinned.notAfter() + " subject=" + pinned.subject());
        return registered(service);
    }

    private RegisteredService registered(WebService s) {
        return new RegisteredService(s.environment(), s.clientId(),
                apiUsers.name(s.apiUser()), s.displayName(), s.consentText(), s.redirectUris(), s.callbackUrl(),
                s.apis(), s.skipFeature(), s.group(), s.clientAuth(), Optional.ofNullable(s.jwks()), s.headless(),
                s.requirePkce(), s.requireNonce(), s.rememberConsent(), s.clientSecretHash(), s.idTokenAlg(), s.pinnedCertificate(),
                whyUnusable(s).map(RuleViolation::messageJa), s.consentButton());
    }

    /**
     * A new client secret for a registration that authenticates with one: 256 random bits, returned this once and
     * stored only as its SHA-256. The old secret stops working at once.
     */
    @Override
    @Transactional
    public String newSecret(Caller caller, Environment environment, ClientId clientId) {
        WebService service = get(caller, environment, clientId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            service.secret(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        audit.record(caller.name(), "service.client-secret", subject(environment, clientId), null);
        return secret;
    }

    /** Why the registration may not be used now, or empty (sandbox mode: TEST and PRODUCTION always usable). */
    public Optional<RuleViolation> whyUnusable(WebService service) {
        return applications.whyUnusable(service.apiUser(), service.environment(), service.skipFeature());
    }

    static String subject(Environment environment, ClientId clientId) {
        return environment.path() + "/" + clientId;
    }

    private static String describe(WebService service) {
        return "apis=" + service.apis().stream().map(api -> api.code()).sorted().collect(Collectors.joining(","))
                + " skip=" + service.skipFeature() + " clientAuth=" + service.clientAuth().code();
    }

    @Override
    @Transactional
    public List<RegisteredService> registrations(Caller caller, Environment environment) {
        return list(caller, environment).stream().map(this::registered).toList();
    }

    @Override
    @Transactional
    public RegisteredService registration(Caller caller, Environment environment, ClientId clientId) {
        return registered(get(caller, environment, clientId));
    }

    /** The checks of {@code POST …/services}, in the same order: the owner, the service id, then the registration. */
    @Override
    @Transactional
    public RegisteredService register(Caller caller, Environment environment, String apiUserId, String serviceId,
                                      ServiceForm form) {
        ApiUserId owner = apiUserId != null && !apiUserId.isBlank() ? new ApiUserId(apiUserId.strip())
                : caller.apiUser().orElseThrow(() -> RuleViolation.invalid("apiUserId", "required",
                        "apiUserId is required", "apiUserId は必須です"));
        var clientId = new ClientId(owner, new ServiceId(RuleViolation.required("serviceId", serviceId)));
        return registered(register(caller, environment, clientId, registration(form)));
    }

    @Override
    @Transactional
    public RegisteredService change(Caller caller, Environment environment, ClientId clientId, ServiceForm form) {
        return registered(change(caller, environment, clientId, registration(form)));
    }

    /** A console form read as {@code WebServiceRequest} reads a JSON body, so the same rules report the same fields. */
    private static ServiceRegistration registration(ServiceForm form) {
        List<ServiceUrl> redirects = form.redirectUris() == null ? List.of()
                : form.redirectUris().stream().map(uri -> ServiceUrl.of("redirectUris", uri)).toList();
        ServiceUrl callback = blank(form.callbackUrl()) ? null : ServiceUrl.of("callbackUrl", form.callbackUrl().strip());
        return new ServiceRegistration(form.displayName(), form.consentText(), redirects, callback,
                form.apis() == null ? java.util.Set.of() : form.apis(), form.skipFeature(),
                ClientAuthMethod.fromCode(RuleViolation.required("clientAuth", form.clientAuth())),
                blank(form.jwks()) ? null : form.jwks().strip(), form.headless(), form.requirePkce(),
                form.requireNonce(), form.rememberConsent(), blank(form.idTokenAlg()) ? null : form.idTokenAlg(),
                ConsentButton.fromCode(form.consentButton()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
