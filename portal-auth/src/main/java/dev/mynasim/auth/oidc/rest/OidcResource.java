package dev.mynasim.auth.oidc.rest;

import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.api.TokenRejected;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizeOutcome;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.flow.VerificationSessions;
import dev.mynasim.auth.oauth.rest.AuthorizeResponses;
import dev.mynasim.auth.oidc.IdTokens;
import dev.mynasim.auth.oidc.OidcAuthorization;
import dev.mynasim.auth.oidc.OidcTokenEndpoint;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.auth.token.JwtAccessTokenVerifier;
import dev.mynasim.auth.token.SigningKeys;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The standard OpenID Connect door (DESIGN.md 5B) of one environment: discovery (OpenID Connect Discovery 1.0 §4),
 * authorize, token, userinfo and JWKS. The issuer is {@code {mynasim.base-url}/{environment}}.
 */
@Path("{environment: test|production}")
@RequestScoped
@Tag(name = "openid-connect", description = "The standard OpenID Connect door (authorization code flow, PKCE S256)")
public class OidcResource {

    @Inject
    OidcAuthorization authorization;

    @Inject
    OidcTokenEndpoint tokenEndpoint;

    @Inject
    JwtAccessTokenVerifier verifier;

    @Inject
    Consents consents;

    @Inject
    IdTokens idTokens;

    @Inject
    AccessTokens tokens;

    @Inject
    SigningKeys keys;

    /** The TLS client certificate of this request, read only where a certificate matters. */
    @Inject
    Instance<PresentedCertificate> presented;

    @Inject
    @ConfigProperty(name = "mynasim.tls.base-url")
    Optional<String> tlsBaseUrl;

    @PathParam("environment")
    String environment;

    @GET
    @Path(".well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID Provider metadata (OpenID Connect Discovery 1.0)")
    public Response discovery() {
        Environment env = Environment.parse(environment);
        String issuer = tokens.issuer(env);
        List<String> scopes = new ArrayList<>(List.of("openid"));
        Arrays.stream(MynaApi.values()).map(MynaApi::code).forEach(scopes::add);
        scopes.addAll(List.of("name", "address", "birthdate", "gender"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/oidc/authorize");
        metadata.put("token_endpoint", OidcTokenEndpoint.tokenEndpoint(tokens, env));
        metadata.put("userinfo_endpoint", issuer + "/oidc/userinfo");
        metadata.put("jwks_uri", issuer + "/oidc/jwks");
        metadata.put("introspection_endpoint", issuer + "/oidc/introspect");
        metadata.put("revocation_endpoint", issuer + "/oidc/revoke");
        metadata.put("introspection_endpoint_auth_methods_supported", env == Environment.TEST
                ? List.of("private_key_jwt", "tls_client_auth", "client_secret_basic", "client_secret_post")
                : List.of("private_key_jwt", "tls_client_auth"));
        metadata.put("revocation_endpoint_auth_methods_supported", env == Environment.TEST
                ? List.of("private_key_jwt", "tls_client_auth", "none") : List.of("private_key_jwt", "tls_client_auth"));
        metadata.put("scopes_supported", scopes);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("subject_types_supported", List.of("pairwise"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        metadata.put("token_endpoint_auth_methods_supported", env == Environment.TEST
                ? List.of("private_key_jwt", "tls_client_auth", "client_secret_basic", "client_secret_post", "none")
                : List.of("private_key_jwt", "tls_client_auth"));
        // RFC 8705 §3.3, §5: certificate-bound tokens, and where the endpoints that read a client certificate listen
        metadata.put("tls_client_certificate_bound_access_tokens", true);
        mtlsAliases(tlsBaseUrl, env).ifPresent(aliases -> metadata.put("mtls_endpoint_aliases", aliases));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("prompt_values_supported", List.of("none", "login", "consent"));
        metadata.put("acr_values_supported", List.of(AccessTokens.ACR));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
                "at_hash", "verification_skipped", "name", "name#ja-Kana-JP", "address", "birthdate", "gender"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("claims_parameter_supported", false);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("ui_locales_supported", List.of("ja", "en"));
        return Response.ok(AuthorizeResponses.text(metadata)).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "max-age=300").build();
    }

    /**
     * RFC 8705 §5: the endpoints on the mutual-TLS listener, only when one is configured ({@code mynasim.tls.base-url},
     * which {@code bin/mynasim --tls} sets): advertising a listener that does not run sends clients to a dead port.
     */
    static Optional<Map<String, Object>> mtlsAliases(Optional<String> tlsBaseUrl, Environment env) {
        return tlsBaseUrl.filter(url -> !url.isBlank()).map(url -> {
            String mtls = url.strip().replaceAll("/+$", "") + "/" + env.path();
            Map<String, Object> aliases = new LinkedHashMap<>();
            aliases.put("token_endpoint", mtls + "/oidc/token");
            aliases.put("introspection_endpoint", mtls + "/oidc/introspect");
            aliases.put("revocation_endpoint", mtls + "/oidc/revoke");
            aliases.put("userinfo_endpoint", mtls + "/oidc/userinfo");
            return aliases;
        });
    }

    @GET
    @Path("oidc/authorize")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "OpenID Connect Core §3.1.2.1 authentication request (code flow; state, nonce and S256 PKCE required)")
    public Response authorize(@Context UriInfo uri, @Context HttpHeaders headers) {
        return authorize(uri.getQueryParameters(), headers, uri);
    }

    /**
     * OpenID Connect Core §3.1.2.1: the authorization endpoint MUST support POST as well, the parameters form-encoded
     * in the body; the same rules and pages apply. A browser follows the 302 that answers it with a GET.
     */
    @POST
    @Path("oidc/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The authentication request sent as a form (OpenID Connect Core §3.1.2.1)")
    public Response authorizePost(MultivaluedMap<String, String> form, @Context HttpHeaders headers,
                                  @Context UriInfo uri) {
        return authorize(form == null ? new MultivaluedHashMap<>() : form, headers, uri);
    }

    /** Not a form: there is no client or redirect URI to trust, so the error page (DESIGN.md 9.4, 9.9). */
    @POST
    @Path("oidc/authorize")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Response authorizeNotAForm(@Context HttpHeaders headers, @Context UriInfo uri) {
        return AuthorizeResponses.of(new AuthorizeOutcome.ErrorPage(
                "認可リクエストを POST で送る場合は application/x-www-form-urlencoded の形式にしてください。",
                "An authentication request sent by POST must be application/x-www-form-urlencoded "
                        + "(OpenID Connect Core §3.1.2.1)."), headers, uri);
    }

    private Response authorize(MultivaluedMap<String, String> parameters, HttpHeaders headers, UriInfo uri) {
        Environment env = Environment.parse(environment);
        Optional<String> cookie = Optional.ofNullable(headers.getCookies().get(VerificationSessions.cookieName(env)))
                .map(Cookie::getValue);
        return AuthorizeResponses.of(authorization.authorize(env, parameters, cookie), headers, uri);
    }

    @POST
    @Path("oidc/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Token request: authorization_code with code_verifier, refresh_token; private_key_jwt (RFC 7523), "
            + "tls_client_auth (RFC 8705, on the mutual-TLS listener), client secrets or none (TEST)")
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        try {
            return AuthorizeResponses.json(tokenEndpoint.exchange(Environment.parse(environment), form,
                    Optional.ofNullable(authorization), presented.get()));
        } catch (OAuthError e) {
            return AuthorizeResponses.error(e);
        }
    }

    @POST
    @Path("oidc/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response tokenNotAForm() {
        return AuthorizeResponses.notAForm();
    }

    @POST
    @Path("oidc/introspect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 7662 token introspection, for an authenticated client and its own tokens")
    public Response introspect(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        try {
            return AuthorizeResponses.json(tokenEndpoint.introspect(Environment.parse(environment), form,
                    Optional.ofNullable(authorization), presented.get()));
        } catch (OAuthError e) {
            return AuthorizeResponses.error(e);
        }
    }

    @POST
    @Path("oidc/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "RFC 7009 revocation: the grant behind an access or refresh token, with all its tokens")
    public Response revoke(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        try {
            tokenEndpoint.revoke(Environment.parse(environment), form, Optional.ofNullable(authorization),
                    presented.get());
            return Response.ok().header("Cache-Control", "no-store").build();
        } catch (OAuthError e) {
            return AuthorizeResponses.error(e);
        }
    }

    @GET
    @Path("oidc/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "UserInfo (OpenID Connect Core §5.3): sub and the consented basic attributes")
    public Response userinfo(@HeaderParam("Authorization") String authorization) {
        return userinfo(bearer(authorization, null));
    }

    @POST
    @Path("oidc/userinfo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "UserInfo with the token in the header or, as RFC 6750 §2.2 allows, in the form body")
    public Response userinfoPost(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        return userinfo(bearer(authorization, form == null ? new MultivaluedHashMap<>() : form));
    }

    @GET
    @Path("oidc/jwks")
    @Produces("application/jwk-set+json")
    @Operation(summary = "The keys that verify this environment's ID tokens and access tokens")
    public Response jwks() {
        return AuthorizeResponses.jwks(keys.published(Environment.parse(environment)));
    }

    private Response userinfo(Optional<String> token) {
        if (token.isEmpty()) {
            return Response.status(401).header("WWW-Authenticate", "Bearer realm=\"mynasim\"")
                    .header("Cache-Control", "no-store").build();
        }
        try {
            VerifiedAccessToken verified = verifier.verifyForUserinfo(token.get(), Environment.parse(environment),
                    presented.get());
            OAuthGrant grant = consents.findGrant(verified.grantId()).orElseThrow();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", verified.subject());
            claims.putAll(idTokens.attributes(grant));
            return Response.ok(AuthorizeResponses.text(claims)).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store").build();
        } catch (TokenRejected e) {
            // RFC 6750 §3: the challenge names the error; no body needed
            return Response.status(401).header("WWW-Authenticate", "Bearer realm=\"mynasim\", error=\"" + e.error()
                    + "\", error_description=\"" + e.getMessage().replace("\"", "'") + "\"")
                    .header("Cache-Control", "no-store").build();
        }
    }

    /** RFC 6750 §2.1 header or §2.2 form body; both at once is a bad request, which we answer as no token. */
    private static Optional<String> bearer(String header, MultivaluedMap<String, String> form) {
        Optional<String> fromHeader = Optional.ofNullable(header).filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        Optional<String> fromBody = Optional.ofNullable(form).map(f -> f.getFirst("access_token"));
        return fromHeader.isPresent() && fromBody.isPresent() ? Optional.empty() : fromHeader.or(() -> fromBody);
    }
}
