package dev.mynasim.auth.oauth.rest;

import dev.mynasim.auth.card.TestCa;
import dev.mynasim.auth.tls.ClientCa;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The test CA's certificate, so integrators can check card certificates themselves, and the client CA's, which signs
 * the TLS client certificates of Web services.
 */
@Path("ca")
@RequestScoped
@Tag(name = "test-ca", description = "The simulator's test certification authority")
public class TestCaResource {

    @Inject
    TestCa ca;

    @Inject
    ClientCa clientCa;

    @GET
    @Path("mynasim-test-ca.pem")
    @Produces("application/x-pem-file")
    @Operation(summary = "The test CA certificate (PEM) that issues every virtual card's 利用者証明用電子証明書")
    public Response certificate() {
        return Response.ok(ca.authority().certificatePem())
                .header("Content-Disposition", "attachment; filename=\"mynasim-test-ca.pem\"").build();
    }

    @GET
    @Path("mynasim-client-ca.pem")
    @Produces("application/x-pem-file")
    @Operation(summary = "The client CA certificate (PEM) that issues Web services' TLS client certificates; "
            + "a TLS-ending proxy trusts it for client certificates")
    public Response clientCa() {
        return Response.ok(clientCa.authority().certificatePem())
                .header("Content-Disposition", "attachment; filename=\"mynasim-client-ca.pem\"").build();
    }
}
