package dev.mynasim.registry.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RequestLog.Seen;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per diagnosis code of README's Request log table. */
class DiagnosesTest {

    private static final String CLIENT = "SP00000001_AA0001";
    private static final List<String> REGISTERED = List.of("https://sp.example/callback");

    private static Seen seen(String endpoint, Map<String, String> parameters, int status, String error,
                             String description, Map<String, String> facts) {
        return seen(Environment.TEST, endpoint, parameters, null, status, error, description, facts);
    }

    private static Seen seen(Environment environment, String endpoint, Map<String, String> parameters,
                             String authorization, int status, String error, String description,
                             Map<String, String> facts) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        parameters.forEach((k, v) -> multi.put(k, List.of(v)));
        return new Seen(Instant.EPOCH, environment, endpoint, "POST", CLIENT, null, multi, authorization, null,
                status, error, description, facts, 3);
    }

    @Test
    void aRedirectUriWithAnExtraTrailingSlashIsNamedWithBothValues() {
        Diagnosis d = Diagnoses.diagnose(seen("oidc/authorize", Map.of("client_id", CLIENT,
                "redirect_uri", "https://sp.example/callback/"), 303, null, null, Map.of()), REGISTERED);

        assertThat(d.code()).isEqualTo("redirect-uri-trailing-slash");
        assertThat(d.en()).contains("sent https://sp.example/callback/", "registered https://sp.example/callback");
        assertThat(d.ja()).contains("末尾のスラッシュ");
    }

    @Test
    void anUnregisteredRedirectUriAtTheAuthorizeEndpointListsTheRegisteredOnes() {
        Diagnosis d = Diagnoses.diagnose(seen("online-authorization-web/oauth/authorize",
                Map.of("redirect_uri", "https://other.example/cb"), 303, null, null, Map.of()), REGISTERED);

        assertThat(d.code()).isEqualTo("redirect-uri-unregistered");
        assertThat(d.en()).contains("https://other.example/cb", "registered: https://sp.example/callback");
    }

    @Test
    void aTokenRequestsRedirectUriIsComparedWithTheAuthorizationRequests() {
        Diagnosis d = Diagnoses.diagnose(seen("oidc/token", Map.of("redirect_uri", "https://sp.example/other"), 400,
                "invalid_grant", "redirect_uri differs from the one of the authorization request",
                Map.of("code.redirect_uri", "https://sp.example/callback")), List.of());

        assertThat(d.code()).isEqualTo("redirect-uri-differs");
        assertThat(d.en()).contains("https://sp.example/other", "https://sp.example/callback");
    }

    @Test
    void aCodeRedeemedByAnotherClientNamesBoth() {
        Diagnosis d = Diagnoses.diagnose(seen("oidc/token", Map.of(), 400, "invalid_grant",
                "the code was issued to another client", Map.of("code.client", "SP00000001_AA0002")), List.of());

        assertThat(d.code()).isEqualTo("code-other-client");
        assertThat(d.en()).isEqualTo("The code was issued to SP00000001_AA0002 but redeemed by SP00000001_AA0001; "
                + "redeem it with the client_id of the authorization request.");
    }

    @Test
    void aWrongVerifierShowsItsS256BesideTheChallenge() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        Diagnosis d = Diagnoses.diagnose(seen("oidc/token", Map.of("code_verifier", verifier), 400, "invalid_grant",
                "code_verifier does not match the code_challenge (RFC 7636 §4.6)",
                Map.of("code.challenge", "abc")), List.of());

        assertThat(d.code()).isEqualTo("code-verifier-mismatch");
        // RFC 7636 Appendix B's example pair
        assertThat(d.en()).contains("S256 of the verifier is E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "the challenge was abc").doesNotContain(verifier);
    }

    @Test
    void reusedExpiredAndUnknownCodesAndAFailureRuleHaveTheirOwnCodes() {
        assertThat(code("the code was already used; the tokens it issued are now revoked")).isEqualTo("code-reused");
        assertThat(code("the code has expired (codes live 60 s)")).isEqualTo("code-expired");
        assertThat(code("the code is unknown or expired")).isEqualTo("code-unknown");
        assertThat(code("client authentication failed: refused by failure-injection rule 42"))
                .isEqualTo("refused-by-failure-rule");
    }

    private static String code(String description) {
        return Diagnoses.diagnose(seen("oidc/token", Map.of(), 400, "invalid_grant", description, Map.of()),
                List.of()).code();
    }

    @Test
    void aTestTokenAtProductionIsNamedAsSuch() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"http://localhost:8080/test\"}".getBytes(StandardCharsets.UTF_8));
        Diagnosis d = Diagnoses.diagnose(seen(Environment.PRODUCTION, "api/v1/self-info/records", Map.of(),
                "Bearer eyJhbGciOiJSUzI1NiJ9." + payload + ".sig", 401, "invalid_token",
                "The token's signature does not verify", Map.of()), List.of());

        assertThat(d.code()).isEqualTo("token-wrong-environment");
        assertThat(d.en()).isEqualTo("A token from the TEST environment was used at PRODUCTION; a token works only "
                + "in the environment that issued it.");
    }

    @Test
    void aReusedTelegramIdIsNamed() {
        Diagnosis d = Diagnoses.diagnose(seen("online-resource-web/request", Map.of(), 409, "ETL0003",
                "telegramId T1 was used before; each telegram needs its own", Map.of()), List.of());

        assertThat(d.code()).isEqualTo("telegram-id-reused");
        assertThat(d.en()).startsWith("telegramId is not unique").contains("within the same second");
    }

    @Test
    void unknownClientsAndFailedClientAuthenticationAreToldApart() {
        assertThat(Diagnoses.diagnose(seen("oidc/token", Map.of(), 401, "invalid_client",
                "no client SP00000009_AA0001 is registered in test", Map.of()), List.of()).code())
                .isEqualTo("client-unknown");
        assertThat(Diagnoses.diagnose(seen("oidc/token", Map.of(), 401, "invalid_client",
                "client authentication is required", Map.of()), List.of()).code())
                .isEqualTo("client-authentication");
        assertThat(Diagnoses.diagnose(seen("oidc/token", Map.of(), 401, "invalid_client", "client " + CLIENT
                + " is unknown, does not use client_secret_basic, or the secret is wrong", Map.of()), List.of())
                .code()).isEqualTo("client-authentication");
    }

    @Test
    void successAndOtherErrors() {
        assertThat(Diagnoses.diagnose(seen("oidc/token", Map.of(), 200, null, null, Map.of()), REGISTERED).code())
                .isEqualTo("ok");
        Diagnosis other = Diagnoses.diagnose(seen("oidc/token", Map.of(), 400, "unsupported_grant_type",
                "grant_type must be authorization_code", Map.of()), List.of());
        assertThat(other.code()).isEqualTo("error");
        assertThat(other.en()).contains("unsupported_grant_type: grant_type must be authorization_code");
    }

    @Test
    void noticeAttemptsSayWhatTheCallbackAnsweredAndWhatComesNext() {
        Instant next = Instant.parse("2026-12-06T10:00:04Z");
        Diagnosis failed = Diagnoses.notice(3, 500, "HTTP 500", false, next);
        assertThat(failed.code()).isEqualTo("notice-failed");
        assertThat(failed.en()).isEqualTo("The callback URL answered HTTP 500 (attempt 3); next retry at "
                + "2026-12-06T10:00:04Z.");
        assertThat(Diagnoses.notice(5, null, "connection refused", false, null).code()).isEqualTo("notice-given-up");
        assertThat(Diagnoses.notice(1, 200, "IFA0302-S01", true, null).code()).isEqualTo("notice-delivered");
    }

    @Test
    void aNoticeAnsweredWithTheWrongTelegramTypeIsDeliveredButMalformed() {
        Diagnosis d = Diagnoses.notice(1, 200, "delivered (HTTP 200), but the answer's commonHeader.telegramType was "
                + "'', expected IFA0302-S01", true, null);

        assertThat(d.code()).isEqualTo("notice-answer-malformed");
        assertThat(d.en()).contains("expected IFA0302-S01", "answer a completion notice");
        assertThat(Diagnoses.notice(1, 200, "delivered; the service answered IFA0302-S01", true, null).code())
                .isEqualTo("notice-delivered");
    }

    @Test
    void theCitizensStopOnAPageIsAnAccessDeniedTheServiceMustHandle() {
        Diagnosis d = Diagnoses.diagnose(seen("authorization response (outgoing)", Map.of(), 303, "access_denied",
                "the user chose not to link the service (連携をやめる)", Map.of()), REGISTERED);

        assertThat(d.code()).isEqualTo("authorization-denied");
        assertThat(d.en()).contains("error=access_denied", "offer to start again");
        // an injected access_denied names the rule instead
        assertThat(Diagnoses.diagnose(seen("oidc/authorize", Map.of(), 303, "access_denied",
                "the authorization was refused by failure-injection rule 4", Map.of()), List.of()).code())
                .isEqualTo("refused-by-failure-rule");
        assertThat(Diagnoses.diagnose(seen("online-resource-web/request", Map.of(), 503, "ESV0503",
                "Service unavailable, injected by failure rule 7", Map.of()), List.of()).code())
                .isEqualTo("refused-by-failure-rule");
    }

    @Test
    void aTokenOfARevokedConsentSaysToAuthorizeAgain() {
        assertThat(Diagnoses.diagnose(seen("api/v1/self-info/basic", Map.of(), 401, "invalid_token",
                "The consent or grant behind the token was revoked", Map.of()), List.of()).code())
                .isEqualTo("consent-revoked");
        Diagnosis refresh = Diagnoses.diagnose(seen("oidc/token", Map.of("grant_type", "refresh_token"), 400,
                "invalid_grant", "the consent or grant behind the refresh token was revoked", Map.of()), List.of());
        assertThat(refresh.code()).isEqualTo("consent-revoked");
        assertThat(refresh.en()).contains("new authorization request");
    }
}
