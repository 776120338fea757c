package dev.mynasim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen at a browser and the Web services that browser visits, talking to the simulator's OpenID Connect door
 * as integrators' code does: the authorize redirect with PKCE S256, the portal's Faces pages (card step, consent)
 * posted with their view state, the code read from the redirect, the token call as a public TEST client with the
 * code verifier, and data calls with the bearer token. Each step checks the answer a browser or service would act
 * on; anything else is an error of the run.
 */
final class VirtualUser implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    final VirtualBrowser browser;
    final String card;
    /** Codes made ahead for the token scenario: code and its PKCE verifier. */
    final Deque<String[]> codes = new ArrayDeque<>();
    /** The access token of the data scenario. */
    String token;
    /** The refresh token of the last token answer: rotated on each refresh (a reused one revokes the grant). */
    String refreshToken;
    /** The client whose grant {@link #refreshToken} belongs to. */
    String refreshClient;
    private int sequence;

    VirtualUser(String host, int port, String card) {
        this.browser = new VirtualBrowser(host, port);
        this.card = card;
    }

    /**
     * One authorization through the pages: the card step unless the skip applies, then 連携; returns the code. Each
     * step's latency is recorded under its name after {@code prefix}.
     */
    Grant authorizeWithPages(String clientId, String scope, boolean cardStep, Recorder recorder, String prefix)
            throws IOException {
        Pkce pkce = Pkce.fresh();
        String state = "s" + (++sequence);
        long t0 = System.nanoTime();
        HttpConnection.Response authorize = browser.get(authorizeUrl(clientId, scope, state, pkce, null));
        String location = redirect(authorize, "authorize");
        long t1 = System.nanoTime();
        recorder.add(prefix + "authorize", t1 - t0);
        if (cardStep) {
            expect(location, "/portal/verify.xhtml", authorize);
            HttpConnection.Response page = browser.get(VirtualBrowser.target(location));
            ok(page, "card step page");
            long t2 = System.nanoTime();
            recorder.add(prefix + "card-page", t2 - t1);
            FacesForm form = FacesForm.in(page.text(), "verify");
            HttpConnection.Response read = browser.postForm(form.action(),
                    form.submit(Map.of("verify:card", card, "verify:pin", Fixture.PIN), "verify:read"));
            location = redirect(read, "card read");
            recorder.add(prefix + "card-read", System.nanoTime() - t2);
        }
        expect(location, "/portal/consent.xhtml", null);
        long t3 = System.nanoTime();
        HttpConnection.Response page = browser.get(VirtualBrowser.target(location));
        ok(page, "consent page");
        long t4 = System.nanoTime();
        recorder.add(prefix + "consent-page", t4 - t3);
        FacesForm form = FacesForm.in(page.text(), "consent");
        HttpConnection.Response approved = browser.postForm(form.action(), form.submit(Map.of(), "consent:approve"));
        String back = redirect(approved, "consent");
        recorder.add(prefix + "consent-approve", System.nanoTime() - t4);
        return new Grant(clientId, code(back, state, approved), pkce.verifier);
    }

    /** Headless mode (TEST): the card step and consent without pages, to make codes ahead of the token scenario. */
    Grant authorizeHeadless(String clientId, String scope) throws IOException {
        Pkce pkce = Pkce.fresh();
        String state = "h" + (++sequence);
        HttpConnection.Response authorize = browser.get(authorizeUrl(clientId, scope, state, pkce,
                "&login_hint=" + VirtualBrowser.encode("card:" + card) + "&mynasim_pin=" + Fixture.PIN
                        + "&mynasim_consent=approve"));
        return new Grant(clientId, code(redirect(authorize, "headless authorize"), state, authorize), pkce.verifier);
    }

    /** The code exchanged at the token endpoint, as a public client with its PKCE verifier; the access token. */
    String token(Grant grant) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", grant.code());
        form.put("redirect_uri", Fixture.redirectUri(grant.clientId()));
        form.put("client_id", grant.clientId());
        form.put("code_verifier", grant.verifier());
        HttpConnection.Response answer = browser.postForm("/test/oidc/token", form);
        ok(answer, "token");
        refreshClient = grant.clientId();
        return accessToken(answer);
    }

    /** A refresh grant with the last refresh token, as a public client; keeps the rotated one. */
    void refresh() throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", refreshClient);
        HttpConnection.Response answer = browser.postForm("/test/oidc/token", form);
        ok(answer, "refresh");
        accessToken(answer);
    }

    private String accessToken(HttpConnection.Response answer) {
        Matcher token = ACCESS_TOKEN.matcher(answer.text());
        if (!token.find()) {
            throw new IllegalStateException("token answer without access_token: " + answer);
        }
        Matcher refresh = REFRESH_TOKEN.matcher(answer.text());
        refreshToken = refresh.find() ? refresh.group(1) : null;
        return token.group(1);
    }

    /** One synchronous data call with the bearer token. */
    void data(String token, String resource) throws IOException {
        HttpConnection.Response answer = browser.send("GET", "/test/api/v1/" + resource, null, null,
                "Authorization", "Bearer " + token);
        ok(answer, "data " + resource);
        if (answer.body().length < 20 || answer.text().indexOf("\"records\"") < 0) {
            throw new IllegalStateException("data answer without records: " + answer);
        }
    }

    void ping() throws IOException {
        HttpConnection.Response answer = browser.get("/bench/ping");
        ok(answer, "ping");
    }

    private static String authorizeUrl(String clientId, String scope, String state, Pkce pkce, String extra) {
        return "/test/oidc/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + VirtualBrowser.encode(Fixture.redirectUri(clientId)) + "&scope=" + VirtualBrowser.encode(scope)
                + "&state=" + state + "&nonce=n" + state + "&code_challenge=" + pkce.challenge
                + "&code_challenge_method=S256" + (extra == null ? "" : extra);
    }

    private static String redirect(HttpConnection.Response response, String step) {
        String location = response.header("location");
        if (response.status() / 100 != 3 || location == null) {
            throw new IllegalStateException(step + ": expected a redirect, got " + response);
        }
        return location;
    }

    private static void expect(String location, String path, HttpConnection.Response response) {
        if (!VirtualBrowser.target(location).startsWith(path)) {
            throw new IllegalStateException("expected " + path + ", sent to " + location
                    + (response == null ? "" : " by " + response));
        }
    }

    private static void ok(HttpConnection.Response response, String step) {
        if (response.status() != 200) {
            throw new IllegalStateException(step + ": " + response);
        }
    }

    private static String code(String location, String state, HttpConnection.Response response) {
        Map<String, String> query = VirtualBrowser.query(location);
        if (!location.startsWith(Fixture.REDIRECT_HOST) || query.get("code") == null
                || !state.equals(query.get("state"))) {
            throw new IllegalStateException("expected the redirect back with a code and state " + state + ", got "
                    + location + " " + response);
        }
        return query.get("code");
    }

    @Override
    public void close() {
        browser.close();
    }

    /** A code, the client it was issued to and the PKCE verifier that redeems it. */
    record Grant(String clientId, String code, String verifier) {
    }

    /** RFC 7636: a fresh verifier and its S256 challenge. */
    private record Pkce(String verifier, String challenge) {

        static Pkce fresh() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
