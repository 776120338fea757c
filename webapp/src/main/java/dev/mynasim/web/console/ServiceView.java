package dev.mynasim.web.console;

import dev.mynasim.auth.api.ClientCertificateAdmin;
import dev.mynasim.auth.api.ClientCertificateAdmin.IssuedCertificate;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceAdmin;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Web service ({@code service.xhtml?env=test&clientId=…}), or a new one (no parameters): its registration as a
 * form (display name, consent text, redirect URIs, callback URL, APIs, the skip feature, client authentication and a
 * JWKS typed or uploaded, headless mode, the OpenID Connect switches), checked by the registry as the admin API checks
 * it; for a {@code tls_client_auth} service its pinned TLS client certificate, a CSR for the client CA to sign, a key
 * pair made by the simulator (TEST) and the removal of the pin, checked as {@code …/tls-certificate} checks them.
 * Another API user's service answers 404.
 */
@Named
@ViewScoped
public class ServiceView extends ConsoleView {

    /** The largest JWKS or CSR upload read: the domain's own limits are 16,384 characters. */
    private static final int MAX_UPLOAD = 65536;

    /**
     * The request attribute that holds a certificate just issued: the response shows it (with a generated private key)
     * once, and the view's state, which lives on, never holds the key.
     */
    private static final String ISSUED = ServiceView.class.getName() + ".issued";

    @Inject
    ServiceAdmin services;

    @Inject
    ClientCertificateAdmin certificates;

    private String env;
    private String clientId;
    private String done;
    private transient RegisteredService service;

    private String environment = "test";
    private String apiUserId;
    private String serviceId;
    private String displayName;
    private String consentText;
    private String redirectUris;
    private String callbackUrl;
    private List<String> apis = new ArrayList<>();
    private boolean skipFeature;
    private String clientAuth = ClientAuthMethod.NONE.code();
    private String jwks;
    private transient Part jwksFile;
    private boolean headless;
    private boolean requirePkce = true;
    private boolean requireNonce = true;
    private boolean rememberConsent;
    private String idTokenAlg = "RS256";
    private String consentButton = ConsentButton.LINK.code();
    private String newSecret;
    private String csr;
    private transient Part csrFile;

    /** Reads the service named in the URL into the form; not there for this caller: 404. */
    public void load() {
        if (isCreating()) {
            return;
        }
        try {
            service = services.registration(caller(), Environment.parse(env), ClientId.parse(clientId));
        } catch (RuleViolation missing) {
            notFound();
            return;
        }
        displayName = service.displayName();
        consentText = service.consentText();
        redirectUris = String.join("\n", service.redirectUris());
        callbackUrl = service.callbackUrl();
        apis = service.apis().stream().map(MynaApi::code).sorted().collect(Collectors.toCollection(ArrayList::new));
        skipFeature = service.skipFeature();
        clientAuth = service.clientAuth().code();
        jwks = service.jwks().orElse(null);
        headless = service.headless();
        requirePkce = service.requirePkce();
        requireNonce = service.requireNonce();
        rememberConsent = service.rememberConsent();
        idTokenAlg = service.idTokenAlg();
        consentButton = service.consentButton().code();
    }

    public boolean isCreating() {
        return blank(clientId);
    }

    public RegisteredService getService() {
        if (service == null && !isCreating() && !isNotFound()) {
            service = services.registration(caller(), Environment.parse(env), ClientId.parse(clientId));
        }
        return service;
    }

    public String save() {
        String uploaded = upload();
        if (uploaded != null) {
            jwks = uploaded;
        }
        RegisteredService[] saved = new RegisteredService[1];
        boolean registering = isCreating();
        if (!attempt("service", () -> saved[0] = registering
                ? services.register(caller(), Environment.parse(environment), user.isOperator() ? apiUserId : null,
                        serviceId, form())
                : services.change(caller(), Environment.parse(env), ClientId.parse(clientId), form()))) {
            return null;
        }
        return afterSave(saved[0], registering ? "registered" : "saved");
    }

    /** A registration that authenticates with a secret gets one when it has none; it is shown this once, here. */
    private String afterSave(RegisteredService saved, String outcome) {
        if (saved.clientAuth().usesSecret() && saved.clientSecretHash().isEmpty()) {
            newSecret = services.newSecret(caller(), saved.environment(), saved.clientId());
            env = saved.environment().path();
            clientId = saved.clientId().toString();
            service = null;
            done = outcome;
            return null;
        }
        return redirect("/console/service.xhtml", "env", saved.environment().path(), "clientId",
                saved.clientId().toString(), "done", outcome);
    }

    public String newClientSecret() {
        attempt("service-secret", () -> newSecret = services.newSecret(caller(), Environment.parse(env),
                ClientId.parse(clientId)));
        return null;
    }

    public String remove() {
        if (!attempt("service-remove", () -> services.remove(caller(), Environment.parse(env), ClientId.parse(clientId)))) {
            return null;
        }
        return redirect("/console/services.xhtml", "done", "removed");
    }

    /** RFC 2986: the client CA signs the CSR typed or uploaded, and the registration is pinned to the certificate. */
    public String signRequest() {
        String uploaded;
        try {
            uploaded = read(csrFile);
        } finally {
            csrFile = null;
        }
        if (uploaded != null) {
            csr = uploaded;
        }
        IssuedCertificate[] issued = new IssuedCertificate[1];
        if (attempt("service-tls", () -> issued[0] = certificates.signRequest(caller(), Environment.parse(env),
                ClientId.parse(clientId), csr, null))) {
            csr = null;
            show(issued[0]);
        }
        return null;
    }

    /** TEST only (the domain refuses it elsewhere): a key pair made by the simulator, its private key shown once. */
    public String newKeyPair() {
        IssuedCertificate[] issued = new IssuedCertificate[1];
        if (attempt("service-tls-key", () -> issued[0] = certificates.newKeyPair(caller(), Environment.parse(env),
                ClientId.parse(clientId), null))) {
            show(issued[0]);
        }
        return null;
    }

    public String unpin() {
        if (!attempt("service-tls-remove", () -> certificates.unpin(caller(), Environment.parse(env),
                ClientId.parse(clientId)))) {
            return null;
        }
        return redirect("/console/service.xhtml", "env", env, "clientId", clientId, "done", "unpinned");
    }

    /** This response shows the certificate just issued; neither it nor a private key is kept in the view. */
    private void show(IssuedCertificate issued) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getRequestMap().put(ISSUED, issued);
        external.setResponseHeader("Cache-Control", "no-store");
        service = issued.service();
        done = null;
    }

    /** The certificate the client CA issued in this request, or null. */
    public IssuedCertificate getIssued() {
        return (IssuedCertificate) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(ISSUED);
    }

    /** A PEM text as a {@code data:} URL, for a download link that needs neither script nor a second request. */
    public String pemDownload(String pem) {
        return pem == null ? null : "data:application/x-pem-file;base64,"
                + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isTlsClientAuth() {
        return getService() != null && getService().clientAuth() == ClientAuthMethod.TLS_CLIENT_AUTH;
    }

    /** The key-pair button: where the domain makes key pairs (TEST), and nowhere else. */
    public boolean isKeyPairOffered() {
        return isTlsClientAuth() && certificates.makesKeyPairs(getService().environment());
    }

    private ServiceAdmin.ServiceForm form() {
        List<String> uris = redirectUris == null ? List.of() : Arrays.stream(redirectUris.split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        Set<MynaApi> chosen = apis == null || apis.isEmpty() ? Set.of()
                : apis.stream().map(MynaApi::fromCode).collect(Collectors.toCollection(() -> EnumSet.noneOf(MynaApi.class)));
        return new ServiceAdmin.ServiceForm(displayName, consentText, uris, callbackUrl, chosen, skipFeature, clientAuth,
                jwks, headless, requirePkce, requireNonce, rememberConsent, idTokenAlg, consentButton);
    }

    private String upload() {
        try {
            return read(jwksFile);
        } finally {
            jwksFile = null;
        }
    }

    /** An uploaded file (JWKS, CSR) read as UTF-8 text; the domain then checks it as it checks a typed one. */
    private static String read(Part file) {
        if (file == null || file.getSize() == 0) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return new String(in.readNBytes(MAX_UPLOAD), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle key of the notice after a change. */
    public String getNotice() {
        return done != null && Set.of("registered", "saved", "unpinned").contains(done) ? "service.done." + done : null;
    }

    public List<MynaApi> getAllApis() {
        return List.of(MynaApi.values());
    }

    public List<String> getClientAuthMethods() {
        return Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::code).toList();
    }

    public String getGroup() {
        return getService() == null ? null : getService().group().map(GroupId::value).orElse(null);
    }

    public String getEnv() {
        return env;
    }

    public void setEnv(String env) {
        this.env = env;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getApiUserId() {
        return apiUserId;
    }

    public void setApiUserId(String apiUserId) {
        this.apiUserId = apiUserId;
    }

    public String getServiceId() {
        return serviceId;
    }

    public void setServiceId(String serviceId) {
        this.serviceId = serviceId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getConsentText() {
        return consentText;
    }

    public void setConsentText(String consentText) {
        this.consentText = consentText;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public List<String> getApis() {
        return apis;
    }

    public void setApis(List<String> apis) {
        this.apis = apis;
    }

    public boolean isSkipFeature() {
        return skipFeature;
    }

    public void setSkipFeature(boolean skipFeature) {
        this.skipFeature = skipFeature;
    }

    public String getClientAuth() {
        return clientAuth;
    }

    public void setClientAuth(String clientAuth) {
        this.clientAuth = clientAuth;
    }

    public String getJwks() {
        return jwks;
    }

    public void setJwks(String jwks) {
        this.jwks = jwks;
    }

    public Part getJwksFile() {
        return jwksFile;
    }

    public void setJwksFile(Part jwksFile) {
        this.jwksFile = jwksFile;
    }

    public boolean isHeadless() {
        return headless;
    }

    public void setHeadless(boolean headless) {
        this.headless = headless;
    }

    public boolean isRequirePkce() {
        return requirePkce;
    }

    public void setRequirePkce(boolean requirePkce) {
        this.requirePkce = requirePkce;
    }

    public boolean isRequireNonce() {
        return requireNonce;
    }

    public void setRequireNonce(boolean requireNonce) {
        this.requireNonce = requireNonce;
    }

    public boolean isRememberConsent() {
        return rememberConsent;
    }

    public void setRememberConsent(boolean rememberConsent) {
        this.rememberConsent = rememberConsent;
    }

    public String getConsentButton() {
        return consentButton;
    }

    public void setConsentButton(String consentButton) {
        this.consentButton = consentButton;
    }

    public String getIdTokenAlg() {
        return idTokenAlg;
    }

    public void setIdTokenAlg(String idTokenAlg) {
        this.idTokenAlg = idTokenAlg;
    }

    public String getNewSecret() {
        return newSecret;
    }

    public String getCsr() {
        return csr;
    }

    public void setCsr(String csr) {
        this.csr = csr;
    }

    public Part getCsrFile() {
        return csrFile;
    }

    public void setCsrFile(Part csrFile) {
        this.csrFile = csrFile;
    }
}
