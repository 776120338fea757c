package dev.mynasim.auth.tls.rest;

import dev.mynasim.auth.api.ClientCertificateAdmin.IssuedCertificate;
import dev.mynasim.auth.card.CertificateText;
import dev.mynasim.auth.tls.ClientCertificates;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The TLS client certificate of one {@code tls_client_auth} registration (RFC 8705 §2): get one from the client CA
 * (a CSR, or in TEST a key pair the simulator makes), or pin one the integrator has; read and remove the pin. An API
 * user reaches its own services only (another's answer 404).
 */
@Path("admin/api/environments/{environment}/services/{clientId}/tls-certificate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "services", description = "Web サービス (OAuth clients), per environment")
public class ClientCertificateResource {

    @Inject
    Caller caller;

    @Inject
    ClientCertificates certificates;

    @PathParam("environment")
    String environment;

    @PathParam("clientId")
    String clientId;

    @GET
    @Operation(summary = "The TLS client certificate the registration is pinned to (thumbprint, subject, issuer, notAfter)")
    public ClientCertificateResponse get() {
        RegisteredService service = certificates.registration(caller, Environment.parse(environment),
                ClientId.parse(clientId));
        if (service.tlsCertificate().isEmpty()) {
            throw RuleViolation.notFound("TLS client certificate of", clientId);
        }
        return ClientCertificateResponse.of(service, null, null, null);
    }

    @POST
    @Operation(summary = "Issues a TLS client certificate from the client CA for a CSR (csr) or a new key pair "
            + "(generateKey, TEST only), or pins a certificate (certificate); the registration is pinned to it")
    public Response issueOrPin(ClientCertificateRequest request) {
        ClientCertificateRequest body = RuleViolation.requireBody(request);
        Environment env = Environment.parse(environment);
        ClientId id = ClientId.parse(clientId);
        long given = Stream.of(body.csr() != null, Boolean.TRUE.equals(body.generateKey()), body.certificate() != null)
                .filter(Boolean::booleanValue).count();
        if (given != 1) {
            throw RuleViolation.invalid("csr", "certificate-source",
                    "Send exactly one of csr, generateKey: true or certificate",
                    "csr、generateKey: true、certificate のいずれか 1 つだけを指定してください");
        }
        if (body.certificate() != null) {
            if (body.notAfter() != null) {
                throw RuleViolation.invalid("notAfter", "not-after-unexpected",
                        "notAfter applies to a certificate the client CA issues, not to one brought along",
                        "notAfter はクライアント CA が発行する証明書にのみ指定できます");
            }
            RegisteredService pinned = certificates.pinExisting(caller, env, id,
                    CertificateText.certificate("certificate", body.certificate()));
            return Response.ok(ClientCertificateResponse.of(pinned, null, null, null)).build();
        }
        var notAfter = IsoInstant.parse("notAfter", body.notAfter());
        IssuedCertificate issued = body.csr() != null
                ? certificates.signRequest(caller, env, id, body.csr(), notAfter)
                : certificates.newKeyPair(caller, env, id, notAfter);
        return Response.status(201).entity(ClientCertificateResponse.of(issued.service(), issued.certificatePem(),
                issued.caCertificatePem(), issued.privateKeyPem().orElse(null)))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Operation(summary = "Removes the pin: the service cannot authenticate until another certificate is pinned")
    public Response remove() {
        certificates.unpin(caller, Environment.parse(environment), ClientId.parse(clientId));
        return Response.noContent().build();
    }
}
