package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md 9.10 and 6: every verification, skip, consent, grant and token of a portal journey is in the audit trail,
 * headless steps like screen steps, and the hash chain stays intact. Records are found by this test's own card,
 * person, consent and grant ids, so other tests' records never match.
 */
@ExtendWith(SharedServer.class)
class PortalAuditIT {

    private static final Pattern CONSENT_ID = Pattern.compile("consent=(\\S+)");
    private static final Pattern GRANT_ID = Pattern.compile("grant=(\\S+)");

    private SharedServer.Server server;
    private Portal portal;
    private Api operator;
    private Instant since;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        operator = Api.operator(server);
        since = new AdminClock(server).now().minusSeconds(5);
    }

    @Test
    void aCaseTwoJourneyLeavesCardReadSkipConsentGrantAndTokenRecords() {
        String card = portal.aCard("4680");
        String person = operator.get("/admin/api/cards/" + card).json().getString("personId");
        JsonObject firstToken;
        JsonObject secondToken;
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0001", "audit-1", null);
            browser.readCard(card, "0000");
            assertThat(browser.onCardStep()).isTrue();
            browser.readCard(card, "4680");
            firstToken = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0001").getString("access_token"));
            portal.authorize(browser, TEST, "AA0002", "audit-2", null);
            assertThat(browser.skipNotice()).isTrue();
            secondToken = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0002").getString("access_token"));
        }

        List<JsonObject> failed = records("verification.failed", "card/" + card);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getString("detail")).contains("reason=pin-wrong", "client=test/SP00000001_AA0001");

        List<JsonObject> reads = records("verification.card-read", "card/" + card);
        assertThat(reads).as("one card read for the whole group").hasSize(1);
        assertThat(reads.get(0).getString("actor")).isEqualTo("portal");
        assertThat(reads.get(0).getString("detail")).contains("client=test/SP00000001_AA0001", "person=" + person);

        List<JsonObject> skipped = withDetail(records("verification.skipped", "test/SP00000001_AA0002"), "person=" + person);
        assertThat(skipped).hasSize(1);
        assertThat(withDetail(records("verification.skipped", "test/SP00000001_AA0001"), "person=" + person)).isEmpty();

        for (var service : List.of(new Object[] {"SP00000001_AA0001", firstToken, false},
                new Object[] {"SP00000001_AA0002", secondToken, true})) {
            String subject = "test/" + service[0];
            JsonObject token = (JsonObject) service[1];
            List<JsonObject> consents = withDetail(records("consent.granted", subject), "person=" + person);
            assertThat(consents).as(subject).hasSize(1);
            assertThat(consents.get(0).getString("detail")).contains("cardSkipped=" + service[2]);
            String consentId = group(CONSENT_ID, consents.get(0).getString("detail"));

            List<JsonObject> grants = withDetail(records("grant.issue", subject), "consent=" + consentId);
            assertThat(grants).as(subject).hasSize(1);
            String grantId = group(GRANT_ID, grants.get(0).getString("detail"));
            assertThat(grantId).as("the token names the audited grant").isEqualTo(token.getString("gid"));

            List<JsonObject> tokens = withDetail(records("token.issue", subject), "grant=" + grantId + " ");
            assertThat(tokens).as(subject).hasSize(1);
            assertThat(tokens.get(0).getString("detail")).contains("skipped=" + service[2]);
        }

        JsonObject check = operator.get("/admin/api/audit/check").json();
        assertThat(check.getBoolean("intact")).as(check.toString()).isTrue();
    }

    @Test
    void headlessStepsAreRecordedLikeScreenSteps() {
        String card = portal.aCard("1739");
        String person = operator.get("/admin/api/cards/" + card).json().getString("personId");
        HeadlessClient client = new HeadlessClient(server);
        HeadlessClient.Answer wrong = client.authorize(TEST, "AA0001", "h-audit-0",
                HeadlessClient.cardAndConsent(card, "9999", "approve"));
        assertThat(wrong.query()).containsEntry("error", "access_denied");
        HeadlessClient.Answer first = client.authorize(TEST, "AA0001", "h-audit-1",
                HeadlessClient.cardAndConsent(card, "1739", "approve"));
        assertThat(first.query()).as(first.toString()).containsKey("code");
        HeadlessClient.Answer second = client.authorize(TEST, "AA0002", "h-audit-2", "mynasim_consent=approve");
        assertThat(second.query()).as(second.toString()).containsKey("code");

        List<JsonObject> failed = records("verification.failed", "card/" + card);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getString("actor")).isEqualTo("headless");
        assertThat(failed.get(0).getString("detail")).contains("reason=pin-wrong");
        List<JsonObject> reads = records("verification.card-read", "card/" + card);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).getString("actor")).isEqualTo("headless");
        assertThat(withDetail(records("verification.skipped", "test/SP00000001_AA0002"), "person=" + person)).hasSize(1);
        List<JsonObject> consents = withDetail(records("consent.granted", "test/SP00000001_AA0002"), "person=" + person);
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).getString("actor")).isEqualTo("headless");

        assertThat(operator.get("/admin/api/audit/check").json().getBoolean("intact")).isTrue();
    }

    private List<JsonObject> records(String action, String subject) {
        Api.Reply reply = operator.get("/admin/api/audit?action=" + Portal.encode(action) + "&subject="
                + Portal.encode(subject) + "&from=" + Portal.encode(since.toString()) + "&limit=1000");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> withDetail(List<JsonObject> records, String part) {
        return records.stream().filter(r -> (r.getString("detail", "") + " ").contains(part)).toList();
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }
}
