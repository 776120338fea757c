package dev.mynasim.registry.api;

import java.util.List;
import java.util.Set;

/**
 * Web service registrations as the consoles list, register and change them: every rule and message of the admin
 * REST API applies, and an API user's account reaches only its own (another's answers not-found).
 */
public interface ServiceAdmin {

    /**
     * What a console form says about a registration, before any check: the domain checks it as it checks a REST
     * request, field by field, with the same rule codes and field names ({@code displayName}, {@code redirectUris} …).
     */
    record ServiceForm(String displayName, String consentText, List<String> redirectUris, String callbackUrl,
                       Set<MynaApi> apis, boolean skipFeature, String clientAuth, String jwks, boolean headless,
                       boolean requirePkce, boolean requireNonce, boolean rememberConsent, String idTokenAlg,
                       String consentButton) {
    }

    /** The registrations of one environment the caller may see, by API user and service id. */
    List<RegisteredService> registrations(Caller caller, Environment environment);

    /** One registration, or not-found when it does not exist or belongs to another API user. */
    RegisteredService registration(Caller caller, Environment environment, ClientId clientId);

    /** Registers a service; an API user's account registers for itself only. */
    RegisteredService register(Caller caller, Environment environment, String apiUserId, String serviceId,
                               ServiceForm form);

    RegisteredService change(Caller caller, Environment environment, ClientId clientId, ServiceForm form);

    /** Removes a service that belongs to no group. */
    void remove(Caller caller, Environment environment, ClientId clientId);

    /** A new client secret, shown this once (client_secret_basic / client_secret_post). */
    String newSecret(Caller caller, Environment environment, ClientId clientId);
}
