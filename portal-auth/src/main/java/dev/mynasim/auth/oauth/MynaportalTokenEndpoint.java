package dev.mynasim.auth.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.client.ClientAuthentication;
import dev.mynasim.auth.client.ClientAuthentication.Accepts;
import dev.mynasim.auth.client.ClientAuthentication.AuthenticatedClient;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizationFaults;
import dev.mynasim.auth.flow.CodeStore;
import dev.mynasim.auth.flow.IssuedCode;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.Environment;
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

    private final ClientAuthentication clients;
    private final AuthorizationFaults faults;
    private final CodeStore codes;
    private final Consents consents;
    private final AccessTokens tokens;

    @Inject
    public MynaportalTokenEndpoint(ClientAuthentication clients, AuthorizationFaults faults, CodeStore codes,
                                   Consents consents, AccessTokens tokens) {
        this.clients = clients;
        this.faults = faults;
        this.codes = codes;
        this.consents = consents;
        this.tokens = tokens;
    }

    /** For the container's proxy. */
    protected MynaportalTokenEndpoint() {
        this(null, null, null, null, null);
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
        AuthenticatedClient client = clients.authenticate(environment, form, Optional.empty(), presented,
                Accepts.MYNAPORTAL);
        faults.token(environment, client.service().clientId());
        String code = Parameters.required(form, "code");
        // the client_id as sent: a code is bound to it exactly (RFC 6749 §4.1.3)
        IssuedCode granted = codes.redeem(environment, Parameters.required(form, "client_id"), code,
                Parameters.required(form, "redirect_uri"));
        if (granted.oidc()) {
            throw new OAuthError(400, "invalid_grant", "the code was issued by the OpenID Connect door; exchange it there");
        }
        OAuthGrant grant = consents.grant(granted.consentId(), granted.authTime(), List.of(), "portal");
        AccessTokens.Issued token = tokens.issue(grant, client.certificate());
        codes.markUsed(code, grant.id());
        tokens.audit("token.issue", grant, token.scope());
        return new AccessTokenResponse(new Tokens(token.bearer(), null));
    }
}
