package dev.mynasim.registry.service.rest;

import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.PinnedCertificate;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.service.WebService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Web service registration on the wire, with whether it may be used now and why not, and the TLS client certificate
 * a {@code tls_client_auth} registration is pinned to ({@code tlsCertificate}: thumbprint, subject, issuer, notAfter).
 */
public record WebServiceResponse(String clientId, String apiUserId, String serviceId, String environment,
                                 String displayName, String consentText, List<String> redirectUris,
                                 String callbackUrl, List<String> apis, boolean skipFeature, String clientAuth,
                                 String jwks, boolean headless, boolean requirePkce, boolean requireNonce, boolean rememberConsent, String idTokenAlg,
                                 String clientSecret, PinnedCertificate tlsCertificate, String groupId, boolean usable, String unusableReason,
                                 Instant createdAt, Instant updatedAt, String consentButton) {

    static WebServiceResponse of(WebService s, Optional<RuleViolation> whyUnusable) {
        return of(s, whyUnusable, null);
    }

    /** With the client secret, on the one response that shows it (registration or a new secret). */
    static WebServiceResponse of(WebService s, Optional<RuleViolation> whyUnusable, String clientSecret) {
        return new WebServiceResponse(s.clientId().toString(), s.apiUser().value(), s.clientId().service().value(),
                s.environment().path(), s.displayName(), s.consentText(), s.redirectUris(), s.callbackUrl(),
                s.apis().stream().map(MynaApi::code).sorted().toList(), s.skipFeature(), s.clientAuth().code(),
                s.jwks(), s.headless(), s.requirePkce(), s.requireNonce(), s.rememberConsent(), s.idTokenAlg(), clientSecret,
                s.pinnedCertificate().orElse(null), s.group().map(GroupId::value).orElse(null), whyUnusable.isEmpty(),
                whyUnusable.map(RuleViolation::getMessage).orElse(null), s.createdAt(), s.updatedAt(),
                s.consentButton().code());
    }
}
