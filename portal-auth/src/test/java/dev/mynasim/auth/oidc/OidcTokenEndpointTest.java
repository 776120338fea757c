package dev.mynasim.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.client.ClientAuthentication;
import dev.mynasim.auth.client.ClientAuthentication.Accepts;
import dev.mynasim.auth.client.ClientAuthentication.AuthenticatedClient;
import dev.mynasim.auth.flow.AuthorizationFaults;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultInjection;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token endpoint checks the request, then authenticates the client, then hands it to its grant type's handler. */
class OidcTokenEndpointTest {

    final List<String> calls = new ArrayList<>();

    OidcTokenEndpoint endpoint() {
        ClientAuthentication clients = new ClientAuthentication() {
            @Override
            public AuthenticatedClient authenticate(Environment environment, Map<String, List<String>> form,
                                                    Optional<String> authorization, PresentedCertificate presented,
                                                    Accepts accepts) {
                calls.add("authenticate " + accepts);
                return new AuthenticatedClient(SERVICE, Optional.of("thumbprint"));
            }
        };
        FaultInjection noRules = new FaultInjection() {
            public Optional<FaultRule> match(Environment environment, ClientId client, Optional<MynaApi> api,
                                             FaultStep step) {
                calls.add("failure rules at " + step);
                return Optional.empty();
            }

            public void recordHit(FaultRule rule, FaultStep step, String subject, String detail, String detailJa) {
                throw new AssertionError("no rule strikes");
            }
        };
        return new OidcTokenEndpoint(clients, List.of(handler(GrantType.AUTHORIZATION_CODE), handler(GrantType.REFRESH_TOKEN)),
                new AuthorizationFaults(noRules, null), null, null, null, null, null);
    }

    static final RegisteredService SERVICE = new RegisteredService(Environment.TEST,
            ClientId.parse("SP00000001_AA0001"), "テスト事業者", "サービス", "同意", List.of("https://rp.example/cb"), null,
            java.util.Set.of(MynaApi.SELF_INFO), true, Optional.empty(), dev.mynasim.registry.api.ClientAuthMethod.NONE,
            Optional.empty(), true, true, true, false, Optional.empty(), "RS256", Optional.empty(), Optional.empty(),
            dev.mynasim.registry.api.ConsentButton.LINK);

    GrantHandler handler(GrantType type) {
        return new GrantHandler() {
            public GrantType type() {
                return type;
            }

            public AccessTokenResponse grant(Environment environment, Map<String, List<String>> form,
                                             AuthenticatedClient client) {
                calls.add(type + " " + client.certificate().orElseThrow());
                return new AccessTokenResponse(new Tokens(new BearerAccessToken(type.getValue()), null));
            }
        };
    }

    static Map<String, List<String>> form(String... nameValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.computeIfAbsent(nameValues[i], n -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return form;
    }

    @Test
    void anUnknownGrantTypeOrARepeatedParameterIsRefusedBeforeTheClientIsAuthenticated() {
        assertThatThrownBy(() -> endpoint().exchange(Environment.TEST, form("grant_type", "password"), Optional.empty(),
                PresentedCertificate.none())).isInstanceOfSatisfying(OAuthError.class, e -> {
                    assertThat(e.error()).isEqualTo("unsupported_grant_type");
                    assertThat(e.getMessage()).isEqualTo("grant_type must be authorization_code or refresh_token");
                });
        assertThatThrownBy(() -> endpoint().exchange(Environment.TEST, form("grant_type", "refresh_token",
                "refresh_token", "a", "refresh_token", "b"), Optional.empty(), PresentedCertificate.none()))
                .isInstanceOf(OAuthError.class).hasMessage("parameter refresh_token is repeated (RFC 6749 §3.2)");
        assertThatThrownBy(() -> endpoint().exchange(Environment.TEST, form(), Optional.empty(),
                PresentedCertificate.none())).isInstanceOf(OAuthError.class).hasMessage("grant_type is required");
        assertThat(calls).isEmpty();
    }

    @Test
    void eachGrantTypeGoesToItsHandlerWithTheAuthenticatedClient() {
        AccessTokenResponse refreshed = endpoint().exchange(Environment.TEST, form("grant_type", "refresh_token"),
                Optional.empty(), PresentedCertificate.none());

        assertThat(refreshed.getTokens().getAccessToken().getValue()).isEqualTo("refresh_token");
        assertThat(calls).containsExactly("authenticate ANY", "failure rules at TOKEN", "refresh_token thumbprint");
    }

    @Test
    void theVerifierMustHashToTheChallenge() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        AuthorizationCodeGrant.checkVerifier(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThatThrownBy(() -> AuthorizationCodeGrant.checkVerifier(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN"))
                .isInstanceOf(OAuthError.class).hasMessage("code_verifier does not match the code_challenge (RFC 7636 §4.6)");
        assertThatThrownBy(() -> AuthorizationCodeGrant.checkVerifier("short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
                .isInstanceOf(OAuthError.class)
                .hasMessage("code_verifier is not 43 to 128 unreserved characters (RFC 7636 §4.1)");
    }
}
