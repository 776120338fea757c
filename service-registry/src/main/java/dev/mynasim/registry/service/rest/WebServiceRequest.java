package dev.mynasim.registry.service.rest;

import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.service.ServiceRegistration;
import dev.mynasim.registry.service.ServiceUrl;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Web service to register or change. {@code apiUserId} may be left out by an API user's account (its own is
 * taken); {@code apiUserId} and {@code serviceId} are fixed once registered. {@code headless} (default false,
 * TEST only) lets the service's tests complete the card step and consent without a page; {@code requirePkce} and
 * {@code requireNonce} (default true, false also makes {@code state} optional) relax the OpenID Connect door for
 * certification tooling, as {@code rememberConsent} (default false, TEST only) does for its consent screen; {@code idTokenAlg}
 * RS256 (default) or ES256; {@code consentButton}
 * {@code link} (連携, default) or {@code fetch-data} (データ取得).
 */
public record WebServiceRequest(String apiUserId, String serviceId, String displayName, String consentText,
                                List<String> redirectUris, String callbackUrl, List<String> apis,
                                Boolean skipFeature, String clientAuth, String jwks, Boolean headless,
                                Boolean requirePkce, Boolean requireNonce, Boolean rememberConsent,
                                String idTokenAlg, String consentButton) {

    ServiceRegistration registration() {
        List<ServiceUrl> redirects = redirectUris == null ? List.of()
                : redirectUris.stream().map(uri -> ServiceUrl.of("redirectUris", uri)).toList();
        ServiceUrl callback = callbackUrl == null || callbackUrl.isBlank() ? null
                : ServiceUrl.of("callbackUrl", callbackUrl);
        Set<MynaApi> apiSet = apis == null ? Set.of() : apis.stream().map(MynaApi::fromCode).collect(Collectors.toSet());
        if (apis != null && apiSet.size() != apis.size()) {
            throw RuleViolation.invalid("apis", "api-duplicate", "APIs must not repeat", "同じ API が重複しています");
        }
        if (skipFeature == null) {
            throw RuleViolation.invalid("skipFeature", "required", "skipFeature is required (true or false)",
                    "skipFeature は必須です (true または false)");
        }
        return new ServiceRegistration(displayName, consentText, redirects, callback, apiSet, skipFeature,
                ClientAuthMethod.fromCode(RuleViolation.required("clientAuth", clientAuth)), jwks,
                Boolean.TRUE.equals(headless), !Boolean.FALSE.equals(requirePkce), !Boolean.FALSE.equals(requireNonce),
                Boolean.TRUE.equals(rememberConsent), idTokenAlg, ConsentButton.fromCode(consentButton));
    }
}
