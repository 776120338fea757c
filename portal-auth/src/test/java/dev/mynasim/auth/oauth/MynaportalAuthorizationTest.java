package dev.mynasim.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.auth.flow.AuthorizationFaults;
import dev.mynasim.auth.flow.AuthorizationRequest;
import dev.mynasim.auth.flow.AuthorizationStart;
import dev.mynasim.auth.flow.AuthorizeOutcome;
import dev.mynasim.auth.flow.ClientChecks;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultInjection;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceDirectory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Mynaportal door's request checks, in the README's order, before any transaction starts. */
class MynaportalAuthorizationTest {

    static final ClientId CLIENT = ClientId.parse("SP00000001_AA0001");
    static final String REDIRECT = "https://rp.example/cb";

    final List<AuthorizationRequest> begun = new ArrayList<>();
    boolean headless = true;

    MynaportalAuthorization door() {
        ServiceDirectory directory = new ServiceDirectory() {
            public Optional<RegisteredService> find(Environment environment, ClientId clientId) {
                return clientId.equals(CLIENT) ? Optional.of(service(environment)) : Optional.empty();
            }

            public RegisteredService pinCertificate(dev.mynasim.registry.api.Caller caller, Environment environment,
                                                    ClientId clientId, dev.mynasim.registry.api.PinnedCertificate pinned) {
                throw new UnsupportedOperationException();
            }
        };
        FaultInjection noRules = new FaultInjection() {
            public Optional<FaultRule> match(Environment environment, ClientId client, Optional<MynaApi> api, FaultStep step) {
                return Optional.empty();
            }

            public void recordHit(FaultRule rule, FaultStep step, String subject, String detail, String detailJa) {
                throw new AssertionError("no rule strikes");
            }
        };
        AuthorizationStart start = new AuthorizationStart() {
            @Override
            public AuthorizeOutcome begin(AuthorizationRequest request, Optional<String> cookie) {
                begun.add(request);
                return new AuthorizeOutcome.Redirect("/portal/verify.xhtml?tx=t", Optional.empty());
            }
        };
        return new MynaportalAuthorization(new ClientChecks(directory, new AuthorizationFaults(noRules, null)), start,
                "0");
    }

    RegisteredService service(Environment environment) {
        return new RegisteredService(environment, CLIENT, "テスト事業者", "サービス", "同意", List.of(REDIRECT), null,
                Set.of(MynaApi.SELF_INFO), true, Optional.empty(), ClientAuthMethod.NONE, Optional.empty(), headless,
                true, true, false, Optional.empty(), "RS256", Optional.empty(), Optional.empty(), ConsentButton.LINK);
    }

    static Map<String, List<String>> query(String... nameValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("response_type", new ArrayList<>(List.of("code")));
        query.put("client_id", new ArrayList<>(List.of(CLIENT.toString())));
        query.put("redirect_uri", new ArrayList<>(List.of(REDIRECT)));
        query.put("state", new ArrayList<>(List.of("st")));
        query.put("login_type", new ArrayList<>(List.of("0")));
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] == null) {
                query.remove(nameValues[i]);
            } else {
                query.put(nameValues[i], new ArrayList<>(List.of(nameValues[i + 1])));
            }
        }
        return query;
    }

    /** The error a redirect carries, with its description, decoded: "error: description". */
    static String redirectedError(AuthorizeOutcome outcome) {
        assertThat(outcome).isInstanceOf(AuthorizeOutcome.Redirect.class);
        String location = ((AuthorizeOutcome.Redirect) outcome).location();
        assertThat(location).startsWith(REDIRECT + "?error=").endsWith("&state=st");
        String query = URLDecoder.decode(location.substring(REDIRECT.length() + 1), StandardCharsets.UTF_8);
        return query.replaceAll("error=([^&]*)&error_description=([^&]*)&state=st", "$1: $2");
    }

    AuthorizeOutcome authorize(Environment environment, Map<String, List<String>> query) {
        return door().authorize(environment, query, Optional.empty());
    }

    @Test
    void anUnknownClientOrARedirectUriThatDiffersInItsTrailingSlashGetsAnErrorPageNeverARedirect() {
        assertThat(authorize(Environment.TEST, query("client_id", "SP00000001_AA0002")))
                .isEqualTo(new AuthorizeOutcome.ErrorPage("client_id SP00000001_AA0002 のサービスは接続確認環境に登録されていません。",
                        "No service SP00000001_AA0002 is registered in test."));
        AuthorizeOutcome slash = authorize(Environment.TEST, query("redirect_uri", REDIRECT + "/"));
        assertThat(slash).isInstanceOf(AuthorizeOutcome.ErrorPage.class);
        assertThat(((AuthorizeOutcome.ErrorPage) slash).reason())
                .isEqualTo("redirect_uri is missing or does not exactly match a registered one: " + REDIRECT + "/");
        assertThat(begun).isEmpty();
    }

    @Test
    void eachBadParameterIsRedirectedWithItsErrorAndNoTransactionStarts() {
        assertThat(redirectedError(authorize(Environment.TEST, query("response_type", "token"))))
                .isEqualTo("unsupported_response_type: response_type must be code");
        assertThat(redirectedError(authorize(Environment.TEST, query("login_type", null))))
                .isEqualTo("invalid_request: login_type must be one of 0, got null");
        assertThat(redirectedError(authorize(Environment.TEST, query("prompt", "consent"))))
                .isEqualTo("invalid_request: this door supports prompt=login only (simulator extension)");
        assertThat(redirectedError(authorize(Environment.TEST, query("max_age", "-5"))))
                .isEqualTo("invalid_request: max_age must be a number of seconds");
        assertThat(redirectedError(authorize(Environment.TEST, query("login_hint", "card:12345"))))
                .isEqualTo("invalid_request: login_hint must be card: and a 12-digit card serial");
        assertThat(redirectedError(authorize(Environment.PRODUCTION, query("login_hint", "card:123456789012"))))
                .isEqualTo("invalid_request: headless mode (login_hint) is available in the TEST environment only");
        headless = false;
        assertThat(redirectedError(authorize(Environment.TEST, query("login_hint", "card:123456789012"))))
                .isEqualTo("invalid_request: headless mode is not enabled for this service registration");
        Map<String, List<String>> repeated = query();
        repeated.get("state").add("again");
        AuthorizeOutcome outcome = authorize(Environment.TEST, repeated);
        assertThat(((AuthorizeOutcome.Redirect) outcome).location())
                .contains("error=invalid_request&error_description=parameter+state+is+repeated");
        assertThat(begun).isEmpty();
    }

    @Test
    void aGoodRequestStartsItsTransactionAsAMynaportalRequestParsedOnce() {
        AuthorizeOutcome outcome = authorize(Environment.TEST, query("login_hint", "card:123456789012",
                "max_age", "600", "prompt", "login", "mynasim_pin", "1234", "mynasim_consent", "approve"));

        assertThat(outcome).isEqualTo(new AuthorizeOutcome.Redirect("/portal/verify.xhtml?tx=t", Optional.empty()));
        assertThat(begun).singleElement().isInstanceOfSatisfying(AuthorizationRequest.Mynaportal.class, request -> {
            assertThat(request.service().clientId()).isEqualTo(CLIENT);
            assertThat(request.redirectUri()).isEqualTo(REDIRECT);
            assertThat(request.state()).isEqualTo("st");
            assertThat(request.promptLogin()).isTrue();
            assertThat(request.promptNone()).isFalse();
            assertThat(request.maxAge()).isEqualTo(600L);
            assertThat(request.loginHintCard()).contains("123456789012");
            assertThat(request.pin()).contains("1234");
            assertThat(request.headlessConsent()).contains("approve");
            assertThat(request.extras()).isNull();
        });
    }
}
