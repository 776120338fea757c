package dev.mynasim.auth.oauth.rest;

import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.flow.VerificationSessions;
import dev.mynasim.auth.oauth.MynaportalAuthorization;
import dev.mynasim.auth.oauth.MynaportalTokenEndpoint;
import dev.mynasim.auth.token.SigningKeys;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Mynaportal-compatible OAuth endpoints, per environment base path ({@code /test}, {@code /production}): paths
 * and parameters as public integrator code shows them; {@code prompt}, {@code max_age}, {@code login_hint},
 * {@code mynasim_pin} and {@code mynasim_consent} are documented simulator extensions.
 */
@Path("{environment: test|production}/online-authorization-web/oauth")
@RequestScoped
@Tag(name = "mynaportal-oauth", description = "Mynaportal-compatible authorization (paths as public integrator code shows them)")
public class MynaportalAuthorizationResource {

    @Inject
    MynaportalAuthorization authorization;

    @Inject
    MynaportalTokenEndpoint tokenEndpoint;

    @Inject
    SigningKeys keys;

    /** The TLS client certificate of this request, read only at the token endpoint. */
    @Inject
    Instance<PresentedCertificate> presented;

    @PathParam("environment")
    String environment;

    @GET
    @Path("authorize")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "RFC 6749 §4.1.1 authorization request: response_type=code, client_id, redirect_uri, state, "
            + "login_type; extensions prompt=login, max_age, and in TEST login_hint=card:SERIAL, mynasim_pin, mynasim_consent")
    public Response authorize(@Context UriInfo uri, @Context HttpHeaders headers) {
        Environment env = Environment.parse(environment);
        Optional<String> cookie = Optional.ofNullable(headers.getCookies().get(VerificationSessions.cookieName(env)))
                .map(Cookie::getValue);
        return AuthorizeResponses.of(authorization.authorize(env, uri.getQueryParameters(), cookie), headers, uri);
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 6749 §4.1.3 token request: grant_type=authorization_code, code, redirect_uri, client_id; "
            + "a tls_client_auth client sends it to the mutual-TLS listener with its certificate (RFC 8705)")
    public Response token(MultivaluedMap<String, String> form) {
        return AuthorizeResponses.json(tokenEndpoint.exchange(Environment.parse(environment), form, presented.get())
                .toJSONObject());
    }

    /** RFC 6749 §4.1.3: the token request is a form; anything else is invalid_request in the RFC's format. */
    @POST
    @Path("token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response tokenNotAForm() {
        return AuthorizeResponses.notAForm();
    }

    @GET
    @Path("jwks")
    @Produces("application/jwk-set+json")
    @Operation(summary = "The keys that verify this environment's access tokens (simulator-defined path)")
    public Response jwks() {
        return AuthorizeResponses.jwks(keys.published(Environment.parse(environment)));
    }
}
