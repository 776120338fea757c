package dev.mynasim.auth.token.rest;

import com.nimbusds.jose.jwk.JWK;
import dev.mynasim.auth.token.SigningKeys;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator reads and rotates an environment's token signing keys. */
@Path("admin/api/environments/{environment}/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "signing-keys", description = "Token signing keys per environment (rotation)")
public class SigningKeyResource {

    /** The key that signs and every key that verifies. */
    public record KeysResponse(String signing, List<String> published) {
    }

    @Inject
    Caller caller;

    @Inject
    SigningKeys keys;

    @Inject
    AuditTrail audit;

    @PathParam("environment")
    String environment;

    @GET
    @Operation(summary = "The signing key id and the published key ids")
    public KeysResponse get() {
        caller.requireOperator();
        return response(Environment.parse(environment));
    }

    @POST
    @Path("rotate")
    @Operation(summary = "A new key signs from now on; the previous one stays published for tokens it signed")
    public KeysResponse rotate() {
        caller.requireOperator();
        Environment env = Environment.parse(environment);
        String kid = keys.rotate(env);
        audit.record(caller.name(), "signing-key.rotate", env.path(), "kid=" + kid);
        return response(env);
    }

    private KeysResponse response(Environment env) {
        return new KeysResponse(keys.signingKey(env).getKeyID(),
                keys.published(env).getKeys().stream().map(JWK::getKeyID).toList());
    }
}
