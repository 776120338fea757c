package dev.mynasim.testing;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTParser;
import dev.mynasim.testing.Mynasim.Card;
import dev.mynasim.testing.Mynasim.Service;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A citizen's browser without pages: the headless authorization of TEST registrations ({@code login_hint=card:…},
 * {@code mynasim_pin}, {@code mynasim_consent}) on the Mynaportal-compatible door or the OpenID Connect door. It keeps
 * the verification session cookie, so a second authorization without a card shows the skip (case 1, case 2).
 */
public final class Browser {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mynasim mynasim;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    Browser(Mynasim mynasim) {
        this.mynasim = mynasim;
    }

    /** An authorization request of the service; on the Mynaportal-compatible door unless {@link Request#oidc()}. */
    public Request authorize(Service service) {
        return new Request(service);
    }

    /** One authorization request, completed headless by {@link #approve()} or {@link #cancel()}. */
    public final class Request {
        private final Service service;
        private boolean oidc;
        private Card card;

        private Request(Service service) {
            this.service = service;
        }

        /** Through the OpenID Connect door (scope openid and the service's APIs, nonce, PKCE S256). */
        public Request oidc() {
            oidc = true;
            return this;
        }

        /** Reads this card with its PIN; without it the browser's verification session must cover the request. */
        public Request card(Card card) {
            this.card = card;
            return this;
        }

        public Authorization approve() {
            return send("approve");
        }

        /** The citizen declines consent: the service gets {@code access_denied}. */
        public Authorization cancel() {
            return send("cancel");
        }

        private Authorization send(String consent) {
            String state = random();
            String verifier = random();
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("response_type", "code");
            parameters.put("client_id", service.clientId());
            parameters.put("redirect_uri", service.redirectUri());
            parameters.put("state", state);
            if (oidc) {
                parameters.put("scope", "openid " + String.join(" ", service.apis()));
                parameters.put("nonce", random());
                parameters.put("code_challenge", challenge(verifier));
                parameters.put("code_challenge_method", "S256");
            } else {
                parameters.put("login_type", "0");
            }
            if (card != null) {
                parameters.put("login_hint", "card:" + card.serial());
                parameters.put("mynasim_pin", card.pin());
            }
            parameters.put("mynasim_consent", consent);
            String path = oidc ? "/test/oidc/authorize" : "/test/online-authorization-web/oauth/authorize";
            HttpResponse<String> response = Mynasim.send(client, HttpRequest.newBuilder(
                    URI.create(mynasim.loopbackUrl() + path + "?" + form(parameters)))
                    .timeout(Duration.ofSeconds(30)).build());
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                throw new IllegalStateException("the authorize request was not redirected (" + response.statusCode()
                        + "): " + response.body());
            }
            return new Authorization(this, location.get(), query(location.get()), state, verifier);
        }

        Tokens exchange(String code, String verifier) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("grant_type", "authorization_code");
            parameters.put("code", code);
            parameters.put("redirect_uri", service.redirectUri());
            parameters.put("client_id", service.clientId());
            if (oidc) {
                parameters.put("code_verifier", verifier);
            }
            return token(parameters);
        }

        Tokens refresh(String refreshToken) {
            return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                    "client_id", service.clientId()));
        }

        private Tokens token(Map<String, String> parameters) {
            String path = oidc ? "/test/oidc/token" : "/test/online-authorization-web/oauth/token";
            HttpResponse<String> response = Mynasim.send(client, HttpRequest.newBuilder(
                    URI.create(mynasim.loopbackUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).timeout(Duration.ofSeconds(30)).build());
            Map<String, Object> body = Mynasim.json(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint answered " + response.statusCode() + ": "
                        + response.body());
            }
            return new Tokens(this, (String) body.get("access_token"), (String) body.get("refresh_token"),
                    (String) body.get("id_token"), (String) body.get("scope"), claims((String) body.get("access_token")));
        }
    }

    /** Where the authorize request sent the browser: a code, or an error such as {@code access_denied}. */
    public static final class Authorization {
        private final Request request;
        private final String location;
        private final Map<String, String> parameters;
        private final String sentState;
        private final String verifier;

        Authorization(Request request, String location, Map<String, String> parameters, String sentState,
                      String verifier) {
            this.request = request;
            this.location = location;
            this.parameters = parameters;
            this.sentState = sentState;
            this.verifier = verifier;
        }

        public String location() {
            return location;
        }

        public Optional<String> code() {
            return Optional.ofNullable(parameters.get("code"));
        }

        public Optional<String> error() {
            return Optional.ofNullable(parameters.get("error"));
        }

        /** Whether the redirect carried back the state the request sent. */
        public boolean stateMatches() {
            return sentState.equals(parameters.get("state"));
        }

        /** Redeems the code at the door's token endpoint (with the PKCE verifier on the OpenID Connect door). */
        public Tokens exchange() {
            String code = code().orElseThrow(() -> new IllegalStateException("no code: " + location));
            return request.exchange(code, verifier);
        }
    }

    /** A token response; {@link #verificationSkipped()} reads the access token's claim of that name. */
    public record Tokens(Request request, String accessToken, String refreshToken, String idToken, String scope,
                         Map<String, Object> accessTokenClaims) {

        public boolean verificationSkipped() {
            return Boolean.TRUE.equals(accessTokenClaims.get("verification_skipped"));
        }

        /** The refresh grant (the refresh token rotates: the old one is spent). */
        public Tokens refresh() {
            if (refreshToken == null) {
                throw new IllegalStateException("this token response has no refresh token");
            }
            return request.refresh(refreshToken);
        }
    }

    private static Map<String, Object> claims(String accessToken) {
        try {
            return JWTParser.parse(accessToken).getJWTClaimsSet().toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException("the access token is not a JWT: " + accessToken, e);
        }
    }

    /** The decoded query parameters of a redirect's location: {@code code}, {@code state}, {@code error} … */
    public static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64URL.encode(bytes).toString();
    }

    private static String challenge(String verifier) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
