package dev.mynasim.auth.oidc.rest;

import static com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
import static com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_POST;
import static com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.NONE;
import static com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.PRIVATE_KEY_JWT;
import static com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.TLS_CLIENT_AUTH;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderEndpointMetadata;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.api.TokenRejected;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizeOutcome;
import dev.mynasim.auth.flow.VerificationSessions;
import dev.mynasim.auth.oauth.rest.AuthorizeResponses;
import dev.mynasim.auth.oidc.IdTokens;
import dev.mynasim.auth.oidc.OidcAuthorization;
import dev.mynasim.auth.protocol.OidcPaths;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.minidev.json.JSONObject;
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

    /** The pages' languages, Japanese first. */
    private static final List<LangTag> UI_LOCALES = languages("ja", "en");

    private static List<LangTag> languages(String... tags) {
        try {
            List<LangTag> languages = new ArrayList<>();
            for (String tag : tags) {
                languages.add(new LangTag(tag));
            }
            return List.copyOf(languages);
        } catch (com.nimbusds.langtag.LangTagException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path(OidcPaths.DISCOVERY)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID Provider metadata (OpenID Connect Discovery 1.0)")
    public Response discovery() {
        Environment env = Environment.parse(environment);
        return Response.ok(AuthorizeResponses.text(metadata(tokens.issuer(env), env, tlsBaseUrl)))
                .type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "max-age=300").build();
    }

    /** The provider metadata of an environment's issuer; {@code tlsBaseUrl}: the mutual-TLS listener, if any. */
    static JSONObject metadata(String issuer, Environment env, Optional<String> tlsBaseUrl) {
        boolean test = env == Environment.TEST;
        List<String> scopes = new ArrayList<>(List.of("openid"));
        Arrays.stream(MynaApi.values()).map(MynaApi::code).forEach(scopes::add);
        scopes.addAll(List.of("name", "address", "birthdate", "gender"));
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PAIRWISE),
                URI.create(OidcPaths.at(issuer, OidcPaths.JWKS)));
        metadata.setAuthorizationEndpointURI(URI.create(OidcPaths.at(issuer, OidcPaths.AUTHORIZE)));
        metadata.setTokenEndpointURI(URI.create(OidcPaths.at(issuer, OidcPaths.TOKEN)));
        metadata.setUserInfoEndpointURI(URI.create(OidcPaths.at(issuer, OidcPaths.USERINFO)));
        metadata.setIntrospectionEndpointURI(URI.create(OidcPaths.at(issuer, OidcPaths.INTROSPECT)));
        metadata.setRevocationEndpointURI(URI.create(OidcPaths.at(issuer, OidcPaths.REVOKE)));
        metadata.setIntrospectionEndpointAuthMethods(test
                ? List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH, CLIENT_SECRET_BASIC, CLIENT_SECRET_POST)
                : List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH));
        metadata.setRevocationEndpointAuthMethods(test
                ? List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH, NONE) : List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH));
        metadata.setScopes(Scope.parse(scopes));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
        metadata.setTokenEndpointAuthMethods(test
                ? List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH, CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE)
                : List.of(PRIVATE_KEY_JWT, TLS_CLIENT_AUTH));
        // RFC 8705 §3.3, §5: certificate-bound tokens, and where the endpoints that read a client certificate listen
        metadata.setSupportsTLSClientCertificateBoundAccessTokens(true);
        mtlsAliases(tlsBaseUrl, env).ifPresent(metadata::setMtlsEndpointAliases);
        metadata.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setPromptTypes(List.of(Prompt.Type.NONE, Prompt.Type.LOGIN, Prompt.Type.CONSENT));
        metadata.setACRs(List.of(new ACR(AccessTokens.ACR)));
        metadata.setClaims(List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
                "at_hash", "verification_skipped", "name", "name#ja-Kana-JP", "address", "birthdate", "gender"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setSupportsClaimsParams(false);
        metadata.setSupportsRequestParam(false);
        metadata.setSupportsRequestURIParam(false);
        metadata.setUILocales(UI_LOCALES);
        JSONObject json = metadata.toJSONObject();
        // Nimbus leaves out these two when false (their default); the document states them, as it always has
        json.put("claims_parameter_supported", false);
        json.put("request_parameter_supported", false);
        return json;
    }

    /**
     * RFC 8705 §5: the endpoints on the mutual-TLS listener, only when one is configured ({@code mynasim.tls.base-url},
     * which {@code bin/mynasim --tls} sets): advertising a listener that does not run sends clients to a dead port.
     */
    static Optional<OIDCProviderEndpointMetadata> mtlsAliases(Optional<String> tlsBaseUrl, Environment env) {
        return tlsBaseUrl.filter(url -> !url.isBlank()).map(url -> {
            String mtls = url.strip().replaceAll("/+$", "") + "/" + env.path();
            OIDCProviderEndpointMetadata aliases = new OIDCProviderEndpointMetadata();
            aliases.setTokenEndpointURI(URI.create(OidcPaths.at(mtls, OidcPaths.TOKEN)));
            aliases.setIntrospectionEndpointURI(URI.create(OidcPaths.at(mtls, OidcPaths.INTROSPECT)));
            aliases.setRevocationEndpointURI(URI.create(OidcPaths.at(mtls, OidcPaths.REVOKE)));
            aliases.setUserInfoEndpointURI(URI.create(OidcPaths.at(mtls, OidcPaths.USERINFO)));
            return aliases;
        });
    }

    @GET
    @Path(OidcPaths.AUTHORIZE)
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
    @Path(OidcPaths.AUTHORIZE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The authentication request sent as a form (OpenID Connect Core §3.1.2.1)")
    public Response authorizePost(MultivaluedMap<String, String> form, @Context HttpHeaders headers,
                                  @Context UriInfo uri) {
        return authorize(form == null ? new MultivaluedHashMap<>() : form, headers, uri);
    }

    /** Not a form: there is no client or redirect URI to trust, so the error page (DESIGN.md 9.4, 9.9). */
    @POST
    @Path(OidcPaths.AUTHORIZE)
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
    @Path(OidcPaths.TOKEN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Token request: authorization_code with code_verifier, refresh_token; private_key_jwt (RFC 7523), "
            + "tls_client_auth (RFC 8705, on the mutual-TLS listener), client secrets or none (TEST)")
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        return AuthorizeResponses.json(tokenEndpoint.exchange(Environment.parse(environment), form,
                Optional.ofNullable(authorization), presented.get()).toJSONObject());
    }

    @POST
    @Path(OidcPaths.TOKEN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response tokenNotAForm() {
        return AuthorizeResponses.notAForm();
    }

    @POST
    @Path(OidcPaths.INTROSPECT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 7662 token introspection, for an authenticated client and its own tokens")
    public Response introspect(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        return AuthorizeResponses.json(tokenEndpoint.introspect(Environment.parse(environment), form,
                Optional.ofNullable(authorization), presented.get()).toJSONObject());
    }

    @POST
    @Path(OidcPaths.REVOKE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "RFC 7009 revocation: the grant behind an access or refresh token, with all its tokens")
    public Response revoke(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        tokenEndpoint.revoke(Environment.parse(environment), form, Optional.ofNullable(authorization), presented.get());
        return Response.ok().header("Cache-Control", "no-store").build();
    }

    @GET
    @Path(OidcPaths.USERINFO)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "UserInfo (OpenID Connect Core §5.3): sub and the consented basic attributes")
    public Response userinfo(@HeaderParam("Authorization") String authorization) {
        return userinfo(bearer(authorization, null));
    }

    @POST
    @Path(OidcPaths.USERINFO)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "UserInfo with the token in the header or, as RFC 6750 §2.2 allows, in the form body")
    public Response userinfoPost(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        return userinfo(bearer(authorization, form == null ? new MultivaluedHashMap<>() : form));
    }

    @GET
    @Path(OidcPaths.JWKS)
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
            UserInfo claims = new UserInfo(new Subject(verified.subject()));
            claims.putAll(idTokens.attributes(grant));
            return Response.ok(AuthorizeResponses.text(claims.toJSONObject())).type(MediaType.APPLICATION_JSON_TYPE)
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
