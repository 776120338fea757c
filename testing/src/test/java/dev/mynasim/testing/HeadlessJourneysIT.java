package dev.mynasim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.testing.Browser.Authorization;
import dev.mynasim.testing.Browser.Tokens;
import dev.mynasim.testing.Mynasim.Card;
import dev.mynasim.testing.Mynasim.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The module's own client and extension, used as an integrator would: case 1 and case 2 on both doors. */
@ExtendWith(MynasimExtension.class)
class HeadlessJourneysIT {

    @Test
    void caseOneOneCardReadAndOneConsentCoverEveryApiOfTheService(Mynasim mynasim) {
        Card card = mynasim.createCard("1234");
        Service service = mynasim.registerService("JU0001", "self-info", "notices");

        Authorization authorization = mynasim.browser().authorize(service).card(card).approve();
        Tokens tokens = authorization.exchange();

        assertThat(authorization.stateMatches()).isTrue();
        assertThat(tokens.scope().split(" ")).containsExactlyInAnyOrder("self-info", "notices");
        assertThat(tokens.verificationSkipped()).isFalse();
        assertThat(tokens.accessTokenClaims()).containsEntry("client_id", service.clientId());
        assertThat(mynasim.requestLog(service.clientId())).extracting(Mynasim.LogEntry::endpoint,
                Mynasim.LogEntry::diagnosis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("online-authorization-web/oauth/token", "ok"),
                org.assertj.core.groups.Tuple.tuple("online-authorization-web/oauth/authorize", "ok"));
    }

    @Test
    void caseTwoTheGroupsSecondServiceSkipsTheCardRead(Mynasim mynasim) {
        Card card = mynasim.createCard("5678");
        Browser browser = mynasim.browser();

        Tokens first = browser.authorize(mynasim.service("SP00000001_AA0001")).card(card).approve().exchange();
        Tokens second = browser.authorize(mynasim.service("SP00000001_AA0002")).approve().exchange();

        assertThat(first.verificationSkipped()).isFalse();
        assertThat(second.verificationSkipped()).as("the card read of AA0001 covers its group").isTrue();
        assertThat(second.accessTokenClaims().get("sub")).isNotNull();
    }

    @Test
    void caseTwoOnTheOpenIdConnectDoorWithIdTokenAndRefresh(Mynasim mynasim) {
        Card card = mynasim.createCard("2468");
        Browser browser = mynasim.browser();
        Service first = mynasim.registerService("JU0002", "self-info");
        Service second = mynasim.registerService("JU0003", "self-info");
        mynasim.admin("POST", "/admin/api/environments/test/groups", java.util.Map.of("apiUserId", "SP00000001",
                "groupId", "G9001", "displayName", "テストのグループ",
                "members", java.util.List.of(first.clientId(), second.clientId())));

        Tokens tokens = browser.authorize(first).oidc().card(card).approve().exchange();
        Tokens skipped = browser.authorize(second).oidc().approve().exchange();

        assertThat(tokens.idToken()).isNotBlank();
        assertThat(skipped.verificationSkipped()).isTrue();
        assertThat(skipped.refresh().accessToken()).isNotEqualTo(skipped.accessToken());
        assertThat(mynasim.connectionTestReport(second.clientId())).containsEntry("card-skip", "passed")
                .containsEntry("refresh", "passed").containsEntry("api:self-info", "not-yet-seen");
    }

    @Test
    void aSeedMakesARunsCodeRepeatable(Mynasim mynasim) {
        Card card = mynasim.createCard("9753");
        Service service = mynasim.registerService("JU0005", "self-info");

        mynasim.seedIds(service.clientId(), "run-1");
        String first = mynasim.browser().authorize(service).card(card).approve().code().orElseThrow();
        mynasim.seedIds(service.clientId(), "run-1");
        Authorization again = mynasim.browser().authorize(service).card(card).approve();

        assertThat(again.code()).contains(first);
        assertThat(again.exchange().accessToken()).isNotBlank();
        assertThatThrownBy(() -> mynasim.seedIds(service.clientId(), "not a seed")).hasMessageContaining("seed-format");
    }

    @Test
    void aCancelledConsentAndAFailureRuleReachTheServiceAsAccessDenied(Mynasim mynasim) {
        Card card = mynasim.createCard("1357");
        Service service = mynasim.registerService("JU0004", "self-info");

        Authorization cancelled = mynasim.browser().authorize(service).card(card).cancel();
        mynasim.addFailureRule(service.clientId(), "access-denied");
        Authorization refused = mynasim.browser().authorize(service).card(card).approve();

        assertThat(cancelled.error()).contains("access_denied");
        assertThat(cancelled.stateMatches()).isTrue();
        assertThat(refused.error()).contains("access_denied");
        assertThatThrownBy(refused::exchange).hasMessageContaining("no code");
        assertThat(mynasim.requestLog(service.clientId())).extracting(Mynasim.LogEntry::error)
                .containsExactly("access_denied", "access_denied");
    }

    @Test
    void theClockMovesAndComesBack(Mynasim mynasim) {
        mynasim.moveClock(java.time.Duration.ofMinutes(5));
        try {
            assertThat(mynasim.admin("GET", "/admin/api/clock", null)).containsEntry("offsetSeconds", 300L);
        } finally {
            mynasim.resetClock();
        }
        assertThat(mynasim.admin("GET", "/admin/api/clock", null).get("offsetSeconds")).isIn(0L, null);
    }

    @Test
    void anAdminCallTheSimulatorRefusesThrowsWithItsProblemDetails(Mynasim mynasim) {
        assertThatThrownBy(() -> mynasim.registerService("JU0005", "tax"))
                .hasMessageContaining("answered 400").hasMessageContaining("api-unknown");
    }
}
