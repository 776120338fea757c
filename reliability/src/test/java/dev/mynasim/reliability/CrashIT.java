package dev.mynasim.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.mynasim.testing.Mynasim;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: a bounded load of headless authorizations, code exchanges, data calls, refreshes and revocations
 * on one node; {@code kill -9} in the middle of it; a restart on the same database. Everything a client saw succeed is
 * still there: each grant's last refresh token still refreshes (or, revoked, is refused), its last access token still
 * reads data (or is refused); the audit chain is intact; of the data calls' audit records (appended in batches about
 * every 250 ms, README: Audit) at most the last second's are missing.
 */
class CrashIT {

    static final int USERS = 6;
    static final long LOAD_MILLIS = 5_000;
    /** Bounds each virtual user, whatever happens. */
    static final int MAX_ITERATIONS = 2_000;
    static final SecureRandom RANDOM = new SecureRandom();
    /** The suite's services share one schema: numbered from a random start, never twice in a run. */
    static final java.util.concurrent.atomic.AtomicInteger SERVICE_NUMBERS = new java.util.concurrent.atomic.AtomicInteger(
            RANDOM.nextInt(9_000));
    /** Answers a client did not expect (not a lost connection): reported, and none may come before a kill. */
    static final ConcurrentLinkedQueue<String> ERRORS = new ConcurrentLinkedQueue<>();

    /** One grant as its client knows it: the last tokens it got, and whether it saw the revocation answered. */
    static final class Grant {
        volatile String refreshToken;
        volatile String accessToken;
        volatile boolean revoked;
        /** A request about it was sent and got no answer: the client cannot know which state the grant is in. */
        volatile boolean inFlight;
    }

    final Path out = Path.of(System.getProperty("reliability.out", "target/reliability"));

    @Test
    void killNineUnderLoadThreeTimesLosesNothingTheClientsSawCommitted() throws Exception {
        String db = Node.database();
        Map<String, Object> report = crash(db.isBlank() ? "h2" : "postgresql", db, 3);
        assertThat(report).containsEntry("lost", 0);
        assertThat(ERRORS).as("answers the clients did not expect").isEmpty();
    }

    @Test
    void killNineOnceOnTheEmbeddedH2FileDatabase() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Node.database().isBlank(),
                "the suite's database is H2 already: the test above covers it");
        Map<String, Object> report = crash("h2", "", 1);
        assertThat(report).containsEntry("lost", 0);
    }

    private Map<String, Object> crash(String name, String dbUrl, int kills) throws Exception {
        Path data = out.resolve("crash-" + name + "-" + System.currentTimeMillis());
        List<Grant> grants = new ArrayList<>();
        ConcurrentLinkedQueue<Long> dataCalls = new ConcurrentLinkedQueue<>();
        Map<String, Object> report = new LinkedHashMap<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        int lost = 0;
        long dataCallsCovered = 0;
        List<String> failures = new ArrayList<>();
        Mynasim node = Node.start(dbUrl, data, 0);
        try {
            String client = registerService(node);
            List<String[]> cards = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                cards.add(createCard(node, String.format("%04d", 1000 + i)));
            }
            for (int round = 1; round <= kills; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> users = new ArrayList<>();
                for (String[] card : cards) {
                    Mynasim target = node;
                    Thread user = new Thread(() -> load(target, client, card, grants, dataCalls, stop),
                            "user-" + card[0]);
                    users.add(user);
                    user.start();
                }
                Node.sleep(LOAD_MILLIS);
                long killedAt = System.nanoTime();
                node.kill();
                stop.set(true);
                for (Thread user : users) {
                    user.join(60_000);
                }
                // the data calls answered at least a second before the kill: their audit records must be there
                long callsBefore = dataCalls.stream().filter(t -> t < killedAt - 1_000_000_000L).count();
                long callsTotal = dataCalls.size();
                long started = System.nanoTime();
                node = Node.start(dbUrl, data, node.port());
                long restartMillis = (System.nanoTime() - started) / 1_000_000;
                Map<String, Object> checked = verify(node, client, grants);
                lost += (int) checked.get("lost");
                long audited = count(node, "data.view");
                checked.put("restartMillis", restartMillis);
                checked.put("dataCallsAnswered", callsTotal);
                checked.put("dataCallsAnsweredBeforeTheLastSecond", callsBefore);
                checked.put("dataViewAuditRecords", audited);
                if (audited < callsBefore) {
                    failures.add("kill " + round + ": " + audited + " data.view records, " + callsBefore
                            + " data calls answered before the last second");
                }
                Map<String, Object> chain = new Http().get(node.loopbackUrl() + "/admin/api/audit/check", Http.OPERATOR).json();
                checked.put("auditChain", chain);
                if (!Boolean.TRUE.equals(chain.get("intact"))) {
                    failures.add("kill " + round + ": the audit chain is broken: " + chain);
                }
                rounds.add(checked);
                System.out.println("reliability crash " + name + " kill " + round + ": "
                        + com.nimbusds.jose.util.JSONObjectUtils.toJSONString(checked));
                dataCallsCovered = callsTotal;
            }
        } finally {
            node.close();
        }
        report.put("database", name);
        report.put("kills", kills);
        report.put("users", USERS);
        report.put("grantsSeen", grants.size());
        report.put("dataCalls", dataCallsCovered);
        report.put("lost", lost);
        report.put("failures", failures);
        report.put("unexpectedAnswers", List.copyOf(ERRORS));
        report.put("rounds", rounds);
        Files.createDirectories(out);
        String json = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(report);
        Files.writeString(out.resolve("crash-" + name + ".json"), json);
        System.out.println("reliability crash " + name + ": " + json);
        assertThat(failures).isEmpty();
        return report;
    }

    /** One virtual user until told to stop or its node is gone: authorize, exchange, read data, refresh, revoke. */
    private static void load(Mynasim node, String client, String[] card, List<Grant> grants,
                             ConcurrentLinkedQueue<Long> dataCalls, AtomicBoolean stop) {
        Http http = new Http();
        try {
            for (int i = 0; i < MAX_ITERATIONS && !stop.get(); i++) {
                String[] tokens = authorize(node, http, client, card);
                Grant grant = new Grant();
                grant.accessToken = tokens[0];
                grant.refreshToken = tokens[1];
                synchronized (grants) {
                    grants.add(grant);
                }
                Http.Answer read = http.get(node.loopbackUrl() + "/test/api/v1/self-info/vaccinations",
                        "Bearer " + grant.accessToken);
                if (read.status() != 200) {
                    throw new IllegalStateException("data: " + read.status() + " " + read.body());
                }
                dataCalls.add(System.nanoTime());
                grant.inFlight = true;
                Http.Answer refreshed = http.form(node.loopbackUrl() + "/test/oidc/token", Map.of("grant_type", "refresh_token",
                        "refresh_token", grant.refreshToken, "client_id", client));
                if (refreshed.status() != 200) {
                    throw new IllegalStateException("refresh: " + refreshed.status() + " " + refreshed.body());
                }
                grant.refreshToken = (String) refreshed.json().get("refresh_token");
                grant.accessToken = (String) refreshed.json().get("access_token");
                grant.inFlight = false;
                if (i % 3 == 2) {
                    grant.inFlight = true;
                    Http.Answer revoked = http.form(node.loopbackUrl() + "/test/oidc/revoke", Map.of("token", grant.refreshToken,
                            "client_id", client));
                    if (revoked.status() != 200) {
                        throw new IllegalStateException("revoke: " + revoked.status() + " " + revoked.body());
                    }
                    grant.revoked = true;
                    grant.inFlight = false;
                }
            }
        } catch (IOException theNodeIsGone) {
            // the kill: what was in flight stays marked so
        } catch (RuntimeException unexpected) {
            ERRORS.add(unexpected.getMessage());
        }
    }

    /** A headless authorization on the OpenID Connect door and its code exchange: the access and refresh tokens. */
    static String[] authorize(Mynasim node, Http http, String client, String[] card) throws IOException {
        String redirect = "http://127.0.0.1:9/callback";
        String verifier = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client);
        query.put("redirect_uri", redirect);
        query.put("state", random());
        query.put("nonce", random());
        query.put("scope", "openid self-info");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.put("login_hint", "card:" + card[0]);
        query.put("mynasim_pin", card[1]);
        query.put("mynasim_consent", "approve");
        Http.Answer authorized = http.get(node.loopbackUrl() + "/test/oidc/authorize?" + Http.encode(query), null);
        String code = authorized.redirected().get("code");
        if (code == null) {
            throw new IllegalStateException("no code: " + authorized.status() + " " + authorized.location());
        }
        Http.Answer tokens = http.form(node.loopbackUrl() + "/test/oidc/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirect, "client_id", client, "code_verifier", verifier));
        if (tokens.status() != 200) {
            throw new IllegalStateException("exchange: " + tokens.status() + " " + tokens.body());
        }
        return new String[] {(String) tokens.json().get("access_token"), (String) tokens.json().get("refresh_token")};
    }

    /** After the restart: every grant whose last answer the client saw is as the client knows it. */
    private static Map<String, Object> verify(Mynasim node, String client, List<Grant> grants) throws IOException {
        Http http = new Http();
        int working = 0;
        int refusedAsRevoked = 0;
        int inFlight = 0;
        int lost = 0;
        List<String> problems = new ArrayList<>();
        List<Grant> lostGrants = new ArrayList<>();
        List<Grant> known;
        synchronized (grants) {
            known = new ArrayList<>(grants);
        }
        for (Grant grant : known) {
            if (grant.inFlight) {
                inFlight++;
                continue;
            }
            Http.Answer read = http.get(node.loopbackUrl() + "/test/api/v1/self-info/vaccinations", "Bearer " + grant.accessToken);
            Http.Answer refreshed = http.form(node.loopbackUrl() + "/test/oidc/token", Map.of("grant_type", "refresh_token",
                    "refresh_token", grant.refreshToken, "client_id", client));
            if (refreshed.status() == 200) {
                grant.refreshToken = (String) refreshed.json().get("refresh_token");
                grant.accessToken = (String) refreshed.json().get("access_token");
            }
            if (grant.revoked) {
                if (refreshed.status() == 400 && read.status() == 401) {
                    refusedAsRevoked++;
                } else {
                    lost++;
                    lostGrants.add(grant);
                    problems.add("revoked, yet refresh " + refreshed.status() + " data " + read.status());
                }
            } else if (refreshed.status() == 200 && read.status() == 200) {
                working++;
            } else {
                lost++;
                lostGrants.add(grant);
                problems.add("refresh " + refreshed.status() + " " + refreshed.body() + " data " + read.status());
            }
        }
        // a grant whose answer never came is no longer followed (its state is not the client's to know), nor one
        // counted lost (so that a later kill does not count it again)
        synchronized (grants) {
            grants.removeIf(g -> g.inFlight);
            grants.removeAll(lostGrants);
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        checked.put("grantsKnown", known.size() - inFlight);
        checked.put("stillWorking", working);
        checked.put("refusedAsRevoked", refusedAsRevoked);
        checked.put("inFlightAtTheKill", inFlight);
        checked.put("lost", lost);
        checked.put("problems", problems.stream().limit(5).toList());
        return checked;
    }

    static String registerService(Mynasim node) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiUserId", "SP00000001");
        body.put("serviceId", "RL" + String.format("%04d", SERVICE_NUMBERS.getAndIncrement() % 10_000));
        body.put("displayName", "信頼性試験");
        body.put("consentText", "信頼性試験のために情報を取得します");
        body.put("apis", List.of("self-info"));
        body.put("redirectUris", List.of("http://127.0.0.1:9/callback"));
        body.put("skipFeature", true);
        body.put("clientAuth", "none");
        body.put("headless", true);
        Http.Answer registered = new Http().json("POST", node.loopbackUrl() + "/admin/api/environments/test/services",
                Http.OPERATOR, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return (String) registered.json().get("clientId");
    }

    static String[] createCard(Mynasim node, String pin) throws IOException {
        Http.Answer card = new Http().json("POST", node.loopbackUrl() + "/admin/api/cards", Http.OPERATOR, Map.of("pin", pin,
                "name", "信頼 太郎", "nameKana", "シンライ タロウ", "birthdate", "1990-04-01", "gender", "male",
                "address", "東京都千代田区霞が関一丁目1番1号"));
        assertThat(card.status()).as(card.body()).isEqualTo(201);
        return new String[] {(String) card.json().get("serial"), pin};
    }

    /** The audit records of an action, paged through (at most 1,000 a page). */
    private static long count(Mynasim node, String action) throws IOException {
        long total = 0;
        for (int offset = 0; offset < 10_000_000; offset += 1000) {
            int page = new Http().get(node.loopbackUrl() + "/admin/api/audit?action=" + action + "&limit=1000&offset=" + offset,
                    Http.OPERATOR).array().size();
            total += page;
            if (page < 1000) {
                break;
            }
        }
        return total;
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
