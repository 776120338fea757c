package dev.mynasim.web.console;

import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceAdmin;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Web service ({@code service.xhtml?env=test&clientId=…}), or a new one (no parameters): its registration as a
 * form (display name, consent text, redirect URIs, callback URL, APIs, the skip feature, client authentication and a
 * JWKS typed or uploaded, headless mode, the OpenID Connect switches), checked by the registry as the admin API checks
 * it. Another API user's service answers 404.
 */
@Named
@ViewScoped
public class ServiceView extends ConsoleView {

    /** The largest JWKS upload read: the registry's own limit is 16,384 characters. */
    private static final int MAX_UPLOAD = 65536;

    @Inject
    ServiceAdmin services;

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
    private String idTokenAlg = "RS256";
    private String newSecret;

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
        idTokenAlg = service.idTokenAlg();
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

    private ServiceAdmin.ServiceForm form() {
        List<String> uris = redirectUris == null ? List.of() : Arrays.stream(redirectUris.split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        Set<MynaApi> chosen = apis == null || apis.isEmpty() ? Set.of()
                : apis.stream().map(MynaApi::fromCode).collect(Collectors.toCollection(() -> EnumSet.noneOf(MynaApi.class)));
        return new ServiceAdmin.ServiceForm(displayName, consentText, uris, callbackUrl, chosen, skipFeature, clientAuth,
                jwks, headless, requirePkce, requireNonce, idTokenAlg);
    }

    /** The uploaded JWKS file, read as UTF-8 text; the registry then checks it as it checks a typed one. */
    private String upload() {
        if (jwksFile == null || jwksFile.getSize() == 0) {
            return null;
        }
        try (InputStream in = jwksFile.getInputStream()) {
            return new String(in.readNBytes(MAX_UPLOAD), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            jwksFile = null;
        }
    }

    /** The bundle key of the notice after a change. */
    public String getNotice() {
        return done != null && Set.of("registered", "saved").contains(done) ? "service.done." + done : null;
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

    public String getIdTokenAlg() {
        return idTokenAlg;
    }

    public void setIdTokenAlg(String idTokenAlg) {
        this.idTokenAlg = idTokenAlg;
    }

    public String getNewSecret() {
        return newSecret;
    }
}
