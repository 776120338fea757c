package dev.mynasim.registry.service;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.PinnedCertificate;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One Web service of one API user in one environment: an OAuth client with its APIs. */
@Entity
@Table(name = "web_service")
public class WebService {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "api_user_id")
    private String apiUserId;
    @Column(name = "service_id")
    private String serviceId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "consent_text")
    private String consentText;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "web_service_redirect_uri", joinColumns = @JoinColumn(name = "web_service_id"))
    @OrderColumn(name = "position")
    @Column(name = "uri")
    private List<String> redirectUris = new ArrayList<>();
    @Column(name = "callback_url")
    private String callbackUrl;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "web_service_api", joinColumns = @JoinColumn(name = "web_service_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "api")
    private Set<MynaApi> apis = new HashSet<>();
    @Column(name = "skip_feature")
    private boolean skipFeature;
    @Column(name = "client_auth")
    private String clientAuth;
    private String jwks;
    private boolean headless;
    @Column(name = "client_secret_hash")
    private String clientSecretHash;
    @Column(name = "require_pkce")
    private boolean requirePkce = true;
    @Column(name = "require_nonce")
    private boolean requireNonce = true;
    @Column(name = "remember_consent")
    private boolean rememberConsent;
    @Column(name = "id_token_alg")
    private String idTokenAlg = "RS256";
    @Column(name = "consent_button")
    private String consentButton = ConsentButton.LINK.code();
    @Column(name = "tls_cert_sha256")
    private String tlsCertSha256;
    @Column(name = "tls_cert_subject")
    private String tlsCertSubject;
    @Column(name = "tls_cert_issuer")
    private String tlsCertIssuer;
    @Column(name = "tls_cert_not_after")
    private Instant tlsCertNotAfter;
    @Column(name = "tls_cert_pinned_at")
    private Instant tlsCertPinnedAt;
    /** The group this registration belongs to in its environment, if any: one column, so at most one group. */
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private int version;

    protected WebService() {
    }

    public WebService(Environment environment, ClientId clientId, ServiceRegistration registration, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.environment = environment;
        this.apiUserId = clientId.apiUser().value();
        this.serviceId = clientId.service().value();
        this.createdAt = now;
        change(registration, now);
    }

    /** Applies a new registration; the rules that depend on the environment are checked here. */
    public void change(ServiceRegistration registration, Instant now) {
        if (groupId != null && !registration.skipFeature()) {
            throw RuleViolation.conflict("skipFeature", "grouped-service-needs-skip",
                    "Service " + clientId() + " belongs to group " + groupId + ", so it keeps the skip feature",
                    "サービス " + clientId() + " はグループ " + groupId + " に属しているため、本人確認省略機能を外せません");
        }
        if (registration.clientAuth() == ClientAuthMethod.NONE && environment != Environment.TEST) {
            throw RuleViolation.invalid("clientAuth", "client-auth-none-test-only",
                    "Client authentication none is allowed for TEST registrations only",
                    "クライアント認証なし (none) は接続確認環境の登録でのみ使用できます");
        }
        if (registration.headless() && environment != Environment.TEST) {
            throw RuleViolation.invalid("headless", "headless-test-only",
                    "Headless mode is allowed for TEST registrations only",
                    "ヘッドレスモードは接続確認環境の登録でのみ使用できます");
        }
        if (registration.rememberConsent() && environment != Environment.TEST) {
            // guideline: consent is asked on every authorization; only certification runs against TEST may relax it
            throw RuleViolation.invalid("rememberConsent", "remember-consent-test-only",
                    "Remembered consent is allowed for TEST registrations only",
                    "同意の記憶 (rememberConsent) は接続確認環境の登録でのみ使用できます");
        }
        if (registration.clientAuth().usesSecret() && environment != Environment.TEST) {
            throw RuleViolation.invalid("clientAuth", "client-secret-test-only",
                    "Client secrets are allowed for TEST registrations only",
                    "クライアントシークレットは接続確認環境の登録でのみ使用できます");
        }
        if (!registration.clientAuth().usesSecret()) {
            clientSecretHash = null;
        }
        if (registration.clientAuth() != ClientAuthMethod.TLS_CLIENT_AUTH) {
            // like a secret, a pinned certificate belongs to the method that uses it
            pin(null);
        }
        this.headless = registration.headless();
        this.requirePkce = registration.requirePkce();
        this.requireNonce = registration.requireNonce();
        this.rememberConsent = registration.rememberConsent();
        this.idTokenAlg = registration.idTokenAlg();
        this.consentButton = registration.consentButton().code();
        this.displayName = registration.displayName().strip();
        this.consentText = registration.consentText();
        this.redirectUris.clear();
        registration.redirectUris().forEach(uri -> redirectUris.add(uri.value()));
        this.callbackUrl = registration.callbackUrl() == null ? null : registration.callbackUrl().value();
        this.apis.clear();
        this.apis.addAll(registration.apis());
        this.skipFeature = registration.skipFeature();
        this.clientAuth = registration.clientAuth().code();
        this.jwks = registration.jwks();
        this.updatedAt = now;
    }

    /**
     * Whether a new registration changes the redirect URIs. EclipseLink writes the rows of a changed ordered list
     * inserting before deleting, which the (service, position) key refuses; the registry removes the old rows first.
     */
    public boolean redirectsChange(ServiceRegistration registration) {
        return !redirectUris.equals(registration.redirectUris().stream().map(uri -> uri.value()).toList());
    }

    /** Empties the redirect URIs, to be written before the new ones (see {@link #redirectsChange}). */
    public void dropRedirects() {
        redirectUris.clear();
    }

    /** Puts this service into a group; a service belongs to at most one group per environment. */
    public void joinGroup(GroupId group) {
        if (groupId != null && !groupId.equals(group.value())) {
            throw RuleViolation.conflict("members", "service-already-grouped",
                    "Service " + clientId() + " already belongs to group " + groupId,
                    "サービス " + clientId() + " は既にグループ " + groupId + " に属しています");
        }
        groupId = group.value();
    }

    public void leaveGroup() {
        groupId = null;
    }

    public Optional<GroupId> group() {
        return Optional.ofNullable(groupId).map(GroupId::new);
    }

    public Environment environment() {
        return environment;
    }

    public ApiUserId apiUser() {
        return new ApiUserId(apiUserId);
    }

    public ClientId clientId() {
        return new ClientId(new ApiUserId(apiUserId), new ServiceId(serviceId));
    }

    public String displayName() {
        return displayName;
    }

    public String consentText() {
        return consentText;
    }

    public List<String> redirectUris() {
        return List.copyOf(redirectUris);
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public Set<MynaApi> apis() {
        return apis.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(apis));
    }

    public boolean skipFeature() {
        return skipFeature;
    }

    public ClientAuthMethod clientAuth() {
        return ClientAuthMethod.fromCode(clientAuth);
    }

    public boolean headless() {
        return headless;
    }

    public boolean requirePkce() {
        return requirePkce;
    }

    public boolean requireNonce() {
        return requireNonce;
    }

    public boolean rememberConsent() {
        return rememberConsent;
    }

    /** RS256 (OpenID Connect Core §15.1: mandatory for providers) unless the registration asked ES256. */
    public ConsentButton consentButton() {
        return ConsentButton.fromCode(consentButton);
    }

    public String idTokenAlg() {
        return idTokenAlg;
    }

    /** Whether a secret is due: the registration uses one and has none yet. */
    public boolean needsSecret() {
        return clientAuth().usesSecret() && clientSecretHash == null;
    }

    /** Stores a new client secret as its SHA-256 (256 random bits need no slow hash). */
    public void secret(String sha256) {
        if (!clientAuth().usesSecret()) {
            throw RuleViolation.conflict("clientAuth", "client-secret-unused",
                    "This registration does not authenticate with a client secret",
                    "この登録はクライアントシークレットで認証しません");
        }
        this.clientSecretHash = sha256;
    }

    /**
     * Pins the registration to one TLS client certificate (RFC 8705 §2), replacing the one pinned before; null
     * removes the pin. Only a {@code tls_client_auth} registration holds one.
     */
    public void pinCertificate(PinnedCertificate pinned) {
        if (pinned != null && clientAuth() != ClientAuthMethod.TLS_CLIENT_AUTH) {
            throw RuleViolation.conflict("clientAuth", "tls-certificate-unused",
                    "Service " + clientId() + " authenticates with " + clientAuth().code()
                            + ", not tls_client_auth: register it with clientAuth tls_client_auth first",
                    "サービス " + clientId() + " のクライアント認証は " + clientAuth().code()
                            + " です。TLS クライアント証明書を登録するには clientAuth を tls_client_auth にしてください");
        }
        pin(pinned);
    }

    private void pin(PinnedCertificate pinned) {
        tlsCertSha256 = pinned == null ? null : pinned.sha256();
        tlsCertSubject = pinned == null ? null : pinned.subject();
        tlsCertIssuer = pinned == null ? null : pinned.issuer();
        tlsCertNotAfter = pinned == null ? null : pinned.notAfter();
        tlsCertPinnedAt = pinned == null ? null : pinned.pinnedAt();
    }

    public Optional<PinnedCertificate> pinnedCertificate() {
        return tlsCertSha256 == null ? Optional.empty() : Optional.of(new PinnedCertificate(tlsCertSha256,
                tlsCertSubject, tlsCertIssuer, tlsCertNotAfter, tlsCertPinnedAt));
    }

    public java.util.Optional<String> clientSecretHash() {
        return java.util.Optional.ofNullable(clientSecretHash);
    }

    public String jwks() {
        return jwks;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
