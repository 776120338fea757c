package dev.mynasim.registry.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.ConnectionTestReport.Item;
import dev.mynasim.registry.api.ConnectionTestReport.Status;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RequestLog.Entry;
import dev.mynasim.registry.api.RequestLog.Seen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each check of the connection-test report: not yet seen on an empty log, passed (or failed) on the traffic it asks. */
class ConnectionTestChecksTest {

    private final List<Entry> log = new ArrayList<>();

    private long add(String endpoint, String result, String diagnosis, int status, String facts) {
        long id = log.size() + 1;
        log.add(new Entry(id, Instant.EPOCH.plusSeconds(id), Environment.TEST, "SP00000001_AA0001", "SP00000001",
                endpoint, "POST", "", status, result.equals("ok") ? null : "e", null, result, diagnosis, "", "", 1,
                Facts.parse(facts)));
        return id;
    }

    private Item item(String code, Set<MynaApi> apis, boolean grouped) {
        return ConnectionTestChecks.check(log, apis, grouped).stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow();
    }

    private Item item(String code) {
        return item(code, Set.of(), false);
    }

    @Test
    void anEmptyLogHasEveryItemNotYetSeenOneLinePerRegisteredApi() {
        List<Item> items = ConnectionTestChecks.check(log, Set.of(MynaApi.NOTICES, MynaApi.SELF_INFO), false);

        assertThat(items).extracting(Item::code).containsExactly("card-skip", "consent-cancel", "api:self-info",
                "api:notices", "notice-answer", "error-path", "refresh", "revoked-consent");
        assertThat(items).allMatch(i -> i.status() == Status.NOT_YET_SEEN && i.evidence().isEmpty()
                && !i.detailJa().isBlank() && !i.detailEn().isBlank());
    }

    @Test
    void aSkipCountsForItsCaseOnly() {
        long first = add("oidc/authorize", "ok", "ok", 303, "verification=required");
        long skipped = add("oidc/authorize", "ok", "ok", 303, "verification=skipped; skip.case=1");

        assertThat(item("card-skip").status()).isEqualTo(Status.PASSED);
        assertThat(item("card-skip").evidence()).containsExactly(skipped).doesNotContain(first);
        // a grouped service must show the group's skip (case 2)
        assertThat(item("card-skip", Set.of(), true).status()).isEqualTo(Status.NOT_YET_SEEN);
        long group = add("oidc/authorize", "ok", "ok", 303, "verification=skipped; skip.case=2");
        assertThat(item("card-skip", Set.of(), true).evidence()).containsExactly(group);
    }

    @Test
    void aStopOnAPageIsTheCancelItem() {
        add("oidc/authorize", "error", "refused-by-failure-rule", 303, "");
        assertThat(item("consent-cancel").status()).isEqualTo(Status.NOT_YET_SEEN);
        long denied = add("authorization response (outgoing)", "error", "authorization-denied", 303, "");
        assertThat(item("consent-cancel").evidence()).containsExactly(denied);
    }

    @Test
    void anApiPassesOnItsRequestNoticeAndResultOfOneProcess() {
        Set<MynaApi> apis = Set.of(MynaApi.SELF_INFO);
        long request = add("online-resource-web/request", "ok", "ok", 200, "api=self-info; process=p-1");
        add("online-resource-web/request", "ok", "ok", 200, "api=notices; process=p-2");
        assertThat(item("api:self-info", apis, false).status()).isEqualTo(Status.NOT_YET_SEEN);
        long notice = add("notice (outgoing)", "ok", "notice-delivered", 200, "process=p-1; notice.attempt=1");
        // a result of another process does not complete this one
        add("online-resource-web/result", "ok", "ok", 200, "api=notices; process=p-2");
        assertThat(item("api:self-info", apis, false).status()).isEqualTo(Status.NOT_YET_SEEN);
        long result = add("online-resource-web/result", "ok", "ok", 200, "api=self-info; process=p-1");

        Item done = item("api:self-info", apis, false);
        assertThat(done.status()).isEqualTo(Status.PASSED);
        assertThat(done.evidence()).containsExactly(request, notice, result);
    }

    @Test
    void anApiWhoseNoticeWasGivenUpFailsAndADataApiCallPasses() {
        Set<MynaApi> apis = Set.of(MynaApi.SELF_INFO, MynaApi.MEDICAL_INSURANCE);
        add("online-resource-web/request", "ok", "ok", 200, "api=self-info; process=p-1");
        long gaveUp = add("notice (outgoing)", "error", "notice-given-up", 500, "process=p-1; notice.attempt=5");
        add("api/v1/medical-insurance/records", "error", "error", 401, "");
        assertThat(item("api:medical-insurance", apis, false).status()).isEqualTo(Status.NOT_YET_SEEN);
        long call = add("api/v1/medical-insurance/records", "ok", "ok", 200, "");

        assertThat(item("api:self-info", apis, false).status()).isEqualTo(Status.FAILED);
        assertThat(item("api:self-info", apis, false).evidence()).containsExactly(gaveUp);
        assertThat(item("api:medical-insurance", apis, false).evidence()).containsExactly(call);
    }

    @Test
    void theLatestDeliveredNoticeDecidesTheAnswerItem() {
        add("notice (outgoing)", "error", "notice-failed", 500, "process=p-1");
        assertThat(item("notice-answer").status()).isEqualTo(Status.NOT_YET_SEEN);
        long good = add("notice (outgoing)", "ok", "notice-delivered", 200, "process=p-1");
        assertThat(item("notice-answer").status()).isEqualTo(Status.PASSED);
        long bad = add("notice (outgoing)", "error", "notice-answer-malformed", 200, "process=p-2");

        assertThat(item("notice-answer").status()).isEqualTo(Status.FAILED);
        assertThat(item("notice-answer").evidence()).containsExactly(bad).doesNotContain(good);
    }

    @Test
    void anErrorPathPassesWhenTheSameEndpointSucceedsAfterTheRefusal() {
        add("oidc/token", "ok", "ok", 200, "grant_type=authorization_code");
        long struck = add("online-resource-web/request", "error", "refused-by-failure-rule", 503, "");
        add("oidc/token", "ok", "ok", 200, "grant_type=authorization_code");
        assertThat(item("error-path").status()).isEqualTo(Status.NOT_YET_SEEN);
        assertThat(item("error-path").evidence()).containsExactly(struck);
        long retried = add("online-resource-web/request", "ok", "ok", 200, "");

        assertThat(item("error-path").status()).isEqualTo(Status.PASSED);
        assertThat(item("error-path").evidence()).containsExactly(struck, retried);
    }

    @Test
    void aRefreshOrANewAuthorizationAfterARefusedTokenPasses() {
        add("oidc/token", "ok", "ok", 200, "grant_type=authorization_code");
        assertThat(item("refresh").status()).isEqualTo(Status.NOT_YET_SEEN);
        long refused = add("api/v1/self-info/basic", "error", "error", 401, "");
        long again = add("online-authorization-web/oauth/token", "ok", "ok", 200, "grant_type=authorization_code");
        assertThat(item("refresh").evidence()).containsExactly(refused, again);

        log.clear();
        add("oidc/token", "error", "error", 400, "grant_type=refresh_token");
        assertThat(item("refresh").status()).isEqualTo(Status.NOT_YET_SEEN);
        long refreshed = add("oidc/token", "ok", "ok", 200, "grant_type=refresh_token");
        assertThat(item("refresh").evidence()).containsExactly(refreshed);
    }

    @Test
    void aRevokedConsentIsHandledByANewAuthorization() {
        long refused = add("api/v1/self-info/basic", "error", "consent-revoked", 401, "");
        assertThat(item("revoked-consent").status()).isEqualTo(Status.NOT_YET_SEEN);
        assertThat(item("revoked-consent").evidence()).containsExactly(refused);
        long again = add("oidc/authorize", "ok", "ok", 303, "verification=required");

        assertThat(item("revoked-consent").status()).isEqualTo(Status.PASSED);
        assertThat(item("revoked-consent").evidence()).containsExactly(refused, again);
    }

    @Test
    void factsKeepOnlyTheReportsKeysAndPlainValues() {
        Seen seen = new Seen(Instant.EPOCH, Environment.TEST, "oidc/token", "POST", null, null,
                Map.of("grant_type", List.of("refresh_token")), null, null, 200, null, null,
                Map.of("code.challenge", "abc", "verification", "skipped", "process", "p 1; x=y"), 1);

        assertThat(Facts.kept(seen)).isEqualTo("verification=skipped; grant_type=refresh_token");
        assertThat(Facts.parse(Facts.kept(seen))).containsExactly(Map.entry("verification", "skipped"),
                Map.entry("grant_type", "refresh_token"));
    }
}
