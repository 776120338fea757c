package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deterministic ids on request: a TEST service with a seed gets the same codes and processIds in a run after the seed
 * is set again, so two recorded runs compare; without a seed ids are random; bad seeds and others' services refused.
 */
@ExtendWith(SharedServer.class)
class IdSeedIT {

    private static final String PIN = "8024";

    @Test
    void aRunAfterTheSeedIsSetAgainGetsTheSameCodeAndProcessId(SharedServer.Server server) {
        NoticeReceiver receiver = new NoticeReceiver();
        try {
            DataClient service = DataClient.register(server, receiver.url(), "self-info");
            String card = new Portal(server).aCard(PIN);
            String seedPath = "/admin/api/environments/test/services/" + service.clientId() + "/id-seed";
            Api operator = Api.operator(server);
            Api.Reply set = operator.put(seedPath, "{\"seed\": \"run-1\"}");
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            assertThat(set.json().getJsonNumber("codes").longValue()).isZero();

            String[] first = run(server, service, card);
            assertThat(operator.get(seedPath).json().getJsonNumber("processIds").longValue()).isEqualTo(1);
            assertThat(operator.put(seedPath, "{\"seed\": \"run-1\"}").status()).isEqualTo(200);
            String[] second = run(server, service, card);

            assertThat(second).containsExactly(first);
            assertThat(UUID.fromString(first[1]).version()).isEqualTo(8);
            // the second run's request replaced the first's: its notice came and its result is there
            receiver.await(2, Duration.ofSeconds(20));
            String token = service.token(card, PIN);
            assertThat(service.result(token, "IFA0303-R01", second[1]).status()).isEqualTo(200);

            // a third run continues the counts: new ids
            assertThat(run(server, service, card)[0]).isNotEqualTo(first[0]);

            // without the seed, random again
            assertThat(operator.delete(seedPath).status()).isEqualTo(204);
            assertThat(operator.put(seedPath, "{\"seed\": \"run-1\"}").status()).isEqualTo(200);
            assertThat(operator.delete(seedPath).status()).isEqualTo(204);
            String[] random = run(server, service, card);
            assertThat(random[0]).isNotEqualTo(first[0]);
            assertThat(UUID.fromString(random[1]).version()).isEqualTo(4);
            assertProblem(operator.delete(seedPath), 404, "not-found");
            assertProblem(operator.get(seedPath), 404, "not-found");
        } finally {
            receiver.close();
        }
    }

    @Test
    void aBadSeedIs400AndAnotherApiUsersServiceIsNotFound(SharedServer.Server server) {
        DataClient mine = DataClient.register(server, null, "self-info");
        DataClient theirs = DataClient.register(server, null, "self-info");
        assertThat(Api.operator(server).post("/admin/api/accounts", """
                {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                """.formatted(mine.apiUserId().toLowerCase(), mine.apiUserId(), mine.apiUserId())).status())
                .isEqualTo(201);
        Api me = Api.as(server, mine.apiUserId().toLowerCase(), "password-of-" + mine.apiUserId());
        String path = "/admin/api/environments/test/services/%s/id-seed";

        assertProblem(me.put(path.formatted(mine.clientId()), "{\"seed\": \"two words\"}"), 400, "seed-format");
        assertProblem(me.put(path.formatted(mine.clientId()), "{\"seed\": \"" + "x".repeat(65) + "\"}"), 400,
                "seed-format");
        assertProblem(me.put(path.formatted(mine.clientId()), "{}"), 400, "seed-format");
        assertProblem(me.put(path.formatted(theirs.clientId()), "{\"seed\": \"run-1\"}"), 404, "not-found");
        assertProblem(me.put(path.formatted(mine.apiUserId() + "_ZZ0009"), "{\"seed\": \"run-1\"}"), 404,
                "not-found");
        assertThat(me.put(path.formatted(mine.clientId()), "{\"seed\": \"run-1\"}").status()).isEqualTo(200);
        assertProblem(me.get(path.formatted(theirs.clientId())), 404, "not-found");
    }

    /** One authorization (its code) and one data request (its processId). */
    private static String[] run(SharedServer.Server server, DataClient service, String card) {
        String redirect = "http://127.0.0.1/DS0001/callback";
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                + "?response_type=code&client_id=" + service.clientId() + "&redirect_uri=" + Portal.encode(redirect)
                + "&state=seed&login_type=0&" + HeadlessClient.cardAndConsent(card, PIN, "approve"));
        String code = answer.query().get("code");
        assertThat(code).as(answer.toString()).isNotNull();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("client_id", service.clientId());
        Api.Reply token = new Portal(server).token("test", form);
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        String processId = service.request(token.json().getString("access_token"), "IFA0301-R01", null, null);
        return new String[] {code, processId};
    }

    private static void assertProblem(Api.Reply reply, int status, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("rule")).isEqualTo(rule);
    }
}
