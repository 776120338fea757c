package dev.mynasim.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.testing.Mynasim;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 2: two nodes with {@code --cluster} on one PostgreSQL schema, Hazelcast on loopback TCP. One flow
 * across both nodes; a skip made on one honoured on the other; a code redeemed on one refused on the other; wrong PINs
 * on both counted once; one signing key whatever the start order; then node A killed under load while node B serves.
 */
class ClusterIT {

    static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");
    static final Pattern ACTION = Pattern.compile("<form[^>]*id=\"consent\"[^>]*action=\"([^\"]+)\"");

    @Test
    void twoNodesServeOneFlowTogetherAndBServesOnWhenAIsKilled() throws Exception {
        Assumptions.assumeFalse(Node.database().isBlank(), "a cluster needs PostgreSQL");
        Path out = Path.of(System.getProperty("reliability.out", "target/reliability"));
        int hzA = freePort();
        int hzB = freePort();
        String members = "tcpip:127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
        Map<String, Object> report = new LinkedHashMap<>();
        long started = System.nanoTime();
        // both at once: the first start of an environment's signing key races between them
        CompletableFuture<Mynasim> startingA = CompletableFuture.supplyAsync(() -> start(out.resolve("cluster-a"), hzA, members, "a"));
        CompletableFuture<Mynasim> startingB = CompletableFuture.supplyAsync(() -> start(out.resolve("cluster-b"), hzB, members, "b"));
        Mynasim a;
        Mynasim b;
        try {
            a = startingA.join();
        } catch (RuntimeException e) {
            try {
                startingB.join().close();
            } catch (RuntimeException bFailedToo) {
                e.addSuppressed(bFailedToo);
            }
            throw e;
        }
        try {
            b = startingB.join();
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        try {
            long ready = System.nanoTime();
            report.put("bothReadyMillis", (ready - started) / 1_000_000);
            String client = CrashIT.registerService(a);
            String[] card = CrashIT.createCard(a, "1357");

            // the cluster has formed when a code issued on A can be redeemed on B
            long formed = -1;
            for (int i = 0; i < 120 && formed < 0; i++) {
                Http http = new Http();
                String[] code = code(a, http, client, card);
                Http.Answer exchanged = exchange(b, http, client, code);
                if (exchanged.status() == 200) {
                    formed = (System.nanoTime() - ready) / 1_000_000;
                } else {
                    Node.sleep(500);
                }
            }
            report.put("clusterFormedMillisAfterReady", formed);
            assertThat(formed).as("a code of A redeemed on B within 60 s").isNotNegative();

            assertThat(new Http().get(a.loopbackUrl() + "/test/oidc/jwks", null).body())
                    .as("one signing key per environment on both nodes")
                    .isEqualTo(new Http().get(b.loopbackUrl() + "/test/oidc/jwks", null).body());

            // authorize and the card step on A, consent on B, the code exchange on A
            Http browser = new Http();
            String[] pkce = {CrashIT.random(), null};
            Http.Answer toConsent = browser.get(a.loopbackUrl() + "/test/oidc/authorize?" + Http.encode(query(client,
                    card, pkce[0], null)), null);
            assertThat(toConsent.location()).as(toConsent.body()).contains("/portal/consent.xhtml?tx=");
            String consentPath = toConsent.location().substring(toConsent.location().indexOf("/portal/"));
            Http.Answer page = browser.get(b.loopbackUrl() + consentPath, null);
            assertThat(page.status()).as("the consent page of A's transaction on B").isEqualTo(200);
            Http.Answer approved = approve(browser, b, page.body());
            String code = approved.redirected().get("code");
            assertThat(code).as("B's consent ends in a code: " + approved.location()).isNotNull();
            Http.Answer tokens = exchange(a, browser, client, new String[] {code, pkce[0]});
            assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
            report.put("flowAcrossNodes", "authorize+card A, consent B, exchange A: 200");

            // the skip made with A's session is honoured on B (the verification session is shared)
            Http skipped = new Http();
            code(a, skipped, client, card);
            Map<String, String> noCard = query(client, null, CrashIT.random(), "approve");
            Http.Answer second = skipped.get(b.loopbackUrl() + "/test/oidc/authorize?" + Http.encode(noCard), null);
            assertThat(second.redirected()).as("a skip on B after the card read on A: " + second.location())
                    .containsKey("code");

            // a code redeemed on A is refused on B
            Http replay = new Http();
            String[] once = code(a, replay, client, card);
            assertThat(exchange(a, replay, client, once).status()).isEqualTo(200);
            Http.Answer again = exchange(b, replay, client, once);
            assertThat(again.status()).as(again.body()).isEqualTo(400);
            assertThat(again.body()).contains("invalid_grant");

            // ten wrong PINs at once, split over both nodes, lock the card exactly once
            String[] locking = CrashIT.createCard(a, "9753");
            List<CompletableFuture<String>> wrong = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Mynasim node = i % 2 == 0 ? a : b;
                wrong.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        Http.Answer answer = new Http().get(node.loopbackUrl() + "/test/oidc/authorize?" + Http.encode(
                                query(client, new String[] {locking[0], "0000"}, CrashIT.random(), "approve")), null);
                        return answer.status() + " " + answer.redirected().getOrDefault("error_description", answer.body());
                    } catch (IOException e) {
                        return "no answer: " + e;
                    }
                }));
            }
            List<String> answers = wrong.stream().map(CompletableFuture::join).toList();
            Map<String, Object> lockedCard = new Http().get(a.loopbackUrl() + "/admin/api/cards/" + locking[0],
                    Http.OPERATOR).json();
            long wrongPins = answers.stream().filter(t -> t.contains("pin-wrong")).count();
            long lockedNow = answers.stream().filter(t -> t.contains("the card is now locked")).count();
            long alreadyLocked = answers.stream().filter(t -> t.contains("The card is locked after 3 wrong PINs")).count();
            report.put("wrongPins", Map.of("answeredWrongPin", wrongPins, "answeredNowLocked", lockedNow,
                    "answeredAlreadyLocked", alreadyLocked));
            report.put("lockedCard", Map.of("state", lockedCard.get("state"), "failures", lockedCard.get("failures")));
            assertThat(answers).as("each wrong PIN is redirected with access_denied, none fails")
                    .allMatch(t -> t.startsWith("302 "));
            assertThat(List.of(wrongPins, lockedNow, alreadyLocked)).as("2 wrong, 1 locking, 7 already locked: " + answers)
                    .containsExactly(2L, 1L, 7L);
            assertThat(lockedCard.get("state")).isEqualTo("locked");

            // node A killed while flows alternate over both nodes
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger onB = new AtomicInteger();
            AtomicInteger startedAfterKillOnB = new AtomicInteger();
            ConcurrentLinkedQueue<String> failedOnB = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failedAfterKillOnB = new ConcurrentLinkedQueue<>();
            List<Thread> users = new ArrayList<>();
            for (int u = 0; u < 4; u++) {
                String[] userCard = CrashIT.createCard(a, String.format("%04d", 4000 + u));
                Thread user = new Thread(() -> {
                    for (int i = 0; i < 5_000 && !stop.get(); i++) {
                        boolean useB = i % 2 == 1 || killed.get();
                        boolean afterKill = killed.get();
                        Mynasim node = useB ? b : a;
                        try {
                            Http http = new Http();
                            String[] c = code(node, http, client, userCard);
                            Http.Answer t = exchange(node, http, client, c);
                            if (t.status() != 200) {
                                throw new IllegalStateException("exchange " + t.status() + " " + t.body());
                            }
                            if (useB) {
                                onB.incrementAndGet();
                            }
                            if (useB && afterKill) {
                                startedAfterKillOnB.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            if (useB) {
                                (afterKill ? failedAfterKillOnB : failedOnB).add(String.valueOf(e.getMessage()));
                            }
                        }
                    }
                });
                users.add(user);
                user.start();
            }
            Node.sleep(5_000);
            a.kill();
            killed.set(true);
            Node.sleep(10_000);
            stop.set(true);
            for (Thread user : users) {
                user.join(120_000);
            }
            report.put("flowsOnB", onB.get());
            report.put("flowsStartedOnBAfterTheKill", startedAfterKillOnB.get());
            report.put("failuresOnBWhileABeforeTheKill", failedOnB.stream().limit(5).toList());
            report.put("failuresOnBAfterTheKill", failedAfterKillOnB.size());
            report.put("failuresOnBAfterTheKillExamples", failedAfterKillOnB.stream().limit(5).toList());
            assertThat(startedAfterKillOnB.get()).as("flows completed on B after the kill").isPositive();
        } finally {
            String json = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(report);
            Files.createDirectories(out);
            Files.writeString(out.resolve("cluster.json"), json);
            System.out.println("reliability cluster: " + json);
            a.close();
            b.close();
        }
        assertThat((Integer) report.get("failuresOnBAfterTheKill")).as("flows started on B after A was killed that failed")
                .isZero();
    }

    private static Mynasim start(Path data, int hazelcastPort, String members, String name) {
        try {
            return Node.start(data, 0, "--cluster", "--", "--clustermode", members, "--interfaces", "127.0.0.1",
                    "--startport", Integer.toString(hazelcastPort), "--name", "mynasim-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A headless authorization on the node (card read and consent in the request): the code and its verifier. */
    private static String[] code(Mynasim node, Http http, String client, String[] card) throws IOException {
        String verifier = CrashIT.random();
        Http.Answer authorized = http.get(node.loopbackUrl() + "/test/oidc/authorize?" + Http.encode(query(client, card,
                verifier, "approve")), null);
        String code = authorized.redirected().get("code");
        if (code == null) {
            throw new IllegalStateException("no code: " + authorized.status() + " " + authorized.location());
        }
        return new String[] {code, verifier};
    }

    private static Http.Answer exchange(Mynasim node, Http http, String client, String[] code) throws IOException {
        return http.form(node.loopbackUrl() + "/test/oidc/token", Map.of("grant_type", "authorization_code", "code",
                code[0], "redirect_uri", "http://127.0.0.1:9/callback", "client_id", client, "code_verifier", code[1]));
    }

    private static Map<String, String> query(String client, String[] card, String verifier, String consent) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client);
        query.put("redirect_uri", "http://127.0.0.1:9/callback");
        query.put("state", CrashIT.random());
        query.put("nonce", CrashIT.random());
        query.put("scope", "openid self-info");
        query.put("code_challenge", CrashIT.challenge(verifier));
        query.put("code_challenge_method", "S256");
        if (card != null) {
            query.put("login_hint", "card:" + card[0]);
            query.put("mynasim_pin", card[1]);
        }
        if (consent != null) {
            query.put("mynasim_consent", consent);
        }
        return query;
    }

    /** Posts the consent page's form with 連携 as a browser would: its hidden fields and the approve button. */
    private static Http.Answer approve(Http browser, Mynasim node, String html) throws IOException {
        Matcher action = ACTION.matcher(html);
        assertThat(action.find()).as("the consent form").isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html.substring(action.start()));
        while (hidden.find()) {
            form.put(hidden.group(1).replace("&#58;", ":"), hidden.group(2).replace("&#58;", ":").replace("&amp;", "&"));
        }
        form.put("consent:approve", "連携");
        String path = action.group(1).replace("&amp;", "&");
        return browser.form(node.loopbackUrl() + path, form);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
