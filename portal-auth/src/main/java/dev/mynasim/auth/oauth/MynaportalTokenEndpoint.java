package dev.mynasim.auth.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizationFaults;
import dev.mynasim.auth.flow.CodeStore;
import dev.mynasim.auth.flow.IssuedCode;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.tls.ClientCertificates;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint of the Mynaportal-compatible door (RFC 6749 §4.1.3 and §5): the code is single-use, short-lived
 * and bound to its client and redirect URI. The client authenticates as registered: {@code none} (TEST) or its TLS
 * client certificate (RFC 8705 §2), and then the access token is bound to that certificate (RFC 8705 §3).
 */
@ApplicationScoped
public class MynaportalTokenEndpoint {

    private final ServiceDirectory directory;
    private final ClientCertificates certificates;
    private final AuthorizationFaults faults;
    private final CodeStore codes;
    private final Consents consents;
    private final AccessTokens tokens;

    @Inject
    public MynaportalTokenEndpoint(ServiceDirectory directory, ClientCertificates certificates, AuthorizationFaults faults,
                            CodeStore codes, Consents consents, AccessTokens tokens) {
        this.directory = directory;
        this.certificates = certificates;
        this.faults = faults;
        this.codes = codes;
        this.consents = consents;
        this.tokens = tokens;
    }

    /** For the container's proxy. */
    protected MynaportalTokenEndpoint() {
        this(null, null, null, null, null, null);
    }

    /** RFC 6749 §5.1: the access token, {@code Bearer}, its lifetime and scope; this door issues no refresh token. */
    public AccessTokenResponse exchange(Environment environment, Map<String, List<String>> form,
                                        PresentedCertificate presented) {
        Parameters.repeated(form).ifPresent(name -> {
            throw new OAuthError(400, "invalid_request", "parameter " + name + " is repeated (RFC 6749 §3.2)");
        });
        String grantType = Parameters.required(form, "grant_type");
        if (!grantType.equals("authorization_code")) {
            throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code");
        }
        String clientIdText = Parameters.required(form, "client_id");
        Optional<RegisteredService> service = Parameters.clientId(clientIdText).flatMap(id -> directory.find(environment, id));
        if (service.isEmpty()) {
            throw new OAuthError(401, "invalid_client", "no client " + clientIdText + " is registered in " + environment.path());
        }
        Optional<String> certificate = switch (service.get().clientAuth()) {
            case NONE -> Optional.empty();
            case TLS_CLIENT_AUTH -> Optional.of(certificates.authenticate(service.get(), presented));
            default -> throw new OAuthError(401, "invalid_client", "this client authenticates with "
                    + service.get().clientAuth().code() + ", which this door does not accept: it takes none (TEST) "
                    + "and tls_client_auth; use the OpenID Connect door for other methods");
        };
        faults.token(environment, service.get().clientId());
        String code = Parameters.required(form, "code");
        IssuedCode granted = codes.redeem(environment, clientIdText, code, Parameters.required(form, "redirect_uri"));
        if (granted.oidc()) {
            throw new OAuthError(400, "invalid_grant", "the code was issued by the OpenID Connect door; exchange it there");
        }
        OAuthGrant grant = consents.grant(granted.consentId(), granted.authTime(), List.of(), "portal");
        AccessTokens.Issued token = tokens.issue(grant, certificate);
        codes.markUsed(code, grant.id());
        tokens.audit("token.issue", grant, token);
        return new AccessTokenResponse(new Tokens(token.bearer(), null));
    }
}
