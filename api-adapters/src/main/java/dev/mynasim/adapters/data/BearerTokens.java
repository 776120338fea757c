package dev.mynasim.adapters.data;

import dev.mynasim.auth.api.AccessTokenVerifier;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.api.TokenRejected;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The bearer token of a data call (RFC 6750 §2.1), checked for the API called in this environment and, when the token
 * is bound to a TLS client certificate, for that certificate on the request (RFC 8705 §3). Refusals carry the
 * RFC 6750 §3 {@code WWW-Authenticate} challenge: 401 {@code invalid_token}, 403 {@code insufficient_scope}.
 */
@ApplicationScoped
public class BearerTokens {

    @Inject
    AccessTokenVerifier verifier;

    /** The TLS client certificate of the current request, for certificate-bound tokens (RFC 8705 §3). */
    @Inject
    Instance<PresentedCertificate> presented;

    public VerifiedAccessToken verify(String authorization, Environment environment, MynaApi api) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || authorization.substring(7).isBlank()) {
            throw new DataRefused("EAU0001", 401, "An access token is required (Authorization: Bearer …)",
                    "アクセストークンが必要です (Authorization: Bearer …)")
                    .with("WWW-Authenticate", "Bearer realm=\"mynasim\"");
        }
        try {
            // a handle, so the per-request value is released at once rather than kept by this application-scoped bean
            try (Instance.Handle<PresentedCertificate> certificate = presented.getHandle()) {
                return verifier.verify(authorization.substring(7).trim(), environment, api, certificate.get());
            }
        } catch (TokenRejected e) {
            boolean scope = "insufficient_scope".equals(e.error());
            String challenge = "Bearer realm=\"mynasim\", error=\"" + e.error() + "\", error_description=\""
                    + e.getMessage().replace("\"", "'") + "\"";
            return refuse(scope ? new DataRefused("EAU0002", 403, e.getMessage(),
                    "このトークンでは " + api.nameJa() + " を利用できません")
                    : new DataRefused("EAU0001", 401, e.getMessage(), "アクセストークンが無効です。連携の解除、有効期限切れ、"
                            + "別の環境のトークンなどが考えられます (詳細: " + e.getMessage() + ")"),
                    challenge);
        }
    }

    private static VerifiedAccessToken refuse(DataRefused refusal, String challenge) {
        throw refusal.with("WWW-Authenticate", challenge);
    }
}
