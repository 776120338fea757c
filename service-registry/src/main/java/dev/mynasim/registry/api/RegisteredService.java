package dev.mynasim.registry.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the portal needs to know of one Web service registration: who it belongs to, where it may redirect, which
 * APIs it reaches, whether it has the skip feature and its group, how it authenticates (with the TLS client certificate
 * a {@code tls_client_auth} registration is pinned to), whether it may be used now, and the word on its consent
 * screen's approve button. {@code rememberConsent} (TEST only): the OpenID Connect door may take a standing consent
 * for the consent screen (README, Certification).
 */
public record RegisteredService(Environment environment, ClientId clientId, String apiUserName, String displayName,
                                String consentText, List<String> redirectUris, String callbackUrl, Set<MynaApi> apis,
                                boolean skipFeature, Optional<GroupId> group, ClientAuthMethod clientAuth,
                                Optional<String> jwks, boolean headless, boolean requirePkce, boolean requireNonce,
                                boolean rememberConsent,
                                Optional<String> clientSecretHash, String idTokenAlg,
                                Optional<PinnedCertificate> tlsCertificate, Optional<String> unusableReason,
                                ConsentButton consentButton) {

    public boolean usable() {
        return unusableReason.isEmpty();
    }

    /** The same registration with whether it may be used now worked out again. */
    public RegisteredService withUnusableReason(Optional<String> reason) {
        return reason.equals(unusableReason) ? this : new RegisteredService(environment, clientId, apiUserName,
                displayName, consentText, redirectUris, callbackUrl, apis, skipFeature, group, clientAuth, jwks, headless,
                requirePkce, requireNonce, rememberConsent, clientSecretHash, idTokenAlg, tlsCertificate, reason, consentButton);
    }

    /** Compares a presented client secret with the stored SHA-256, in constant time. */
    public boolean secretMatches(String secret) {
        if (secret == null || clientSecretHash.isEmpty()) {
            return false;
        }
        try {
            byte[] presented = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(
                    java.util.HexFormat.of().formatHex(presented).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    clientSecretHash.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exact string comparison (RFC 6749 §3.1.2.3; DESIGN.md 9.4). */
    public boolean allowsRedirectTo(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }
}
