package dev.mynasim.registry.service;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an API user says about one of its Web services. The constructor enforces the rules that need nothing but
 * the registration itself, among them the guideline's: without the skip feature a service is registered for
 * exactly one API, and the skip feature is never registered alone. {@code headless} lets the service's tests
 * complete the card step and consent without a page (TEST registrations only); {@code requirePkce} and
 * {@code requireNonce} (normally true) may be switched off for the OpenID Connect door, as OpenID Connect Core
 * allows, so certification tooling can run; {@code rememberConsent} (normally false, TEST only) lets a standing consent
 * of the same person for the same APIs and attributes stand in for the OpenID Connect door's consent screen, for the
 * same tooling.
 * {@code consentButton} is the word on the consent screen's approve button (連携 unless it says データ取得).
 */
public record ServiceRegistration(String displayName, String consentText, List<ServiceUrl> redirectUris,
                                  ServiceUrl callbackUrl, Set<MynaApi> apis, boolean skipFeature,
                                  ClientAuthMethod clientAuth, String jwks, boolean headless, boolean requirePkce,
                                  boolean requireNonce, boolean rememberConsent, String idTokenAlg,
                                  ConsentButton consentButton) {

    static final int MAX_DISPLAY_NAME = 100;
    static final int MAX_CONSENT_TEXT = 2000;
    static final int MAX_REDIRECT_URIS = 10;
    static final int MAX_JWKS = 16384;

    public ServiceRegistration {
        RuleViolation.required("displayName", displayName);
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw RuleViolation.invalid("displayName", "display-name-length",
                    "displayName must be at most " + MAX_DISPLAY_NAME + " characters",
                    "displayName は " + MAX_DISPLAY_NAME + " 文字以内で指定してください");
        }
        RuleViolation.required("consentText", consentText);
        if (consentText.length() > MAX_CONSENT_TEXT) {
            throw RuleViolation.invalid("consentText", "consent-text-length",
                    "consentText must be at most " + MAX_CONSENT_TEXT + " characters (got " + consentText.length() + ")",
                    "consentText は " + MAX_CONSENT_TEXT + " 文字以内で指定してください (" + consentText.length() + " 文字)");
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw RuleViolation.invalid("redirectUris", "redirect-uri-required", "At least one redirect URI is required",
                    "リダイレクト URI を 1 つ以上指定してください");
        }
        if (redirectUris.size() > MAX_REDIRECT_URIS) {
            throw RuleViolation.invalid("redirectUris", "redirect-uri-count",
                    "At most " + MAX_REDIRECT_URIS + " redirect URIs", "リダイレクト URI は " + MAX_REDIRECT_URIS + " 個までです");
        }
        if (new HashSet<>(redirectUris).size() != redirectUris.size()) {
            throw RuleViolation.invalid("redirectUris", "redirect-uri-duplicate", "Redirect URIs must not repeat",
                    "同じリダイレクト URI が重複しています");
        }
        redirectUris = List.copyOf(redirectUris);
        if (apis == null || apis.isEmpty()) {
            // guideline 4.1: the skip feature is applied for together with other APIs, never alone
            throw RuleViolation.invalid("apis", "api-required",
                    "A service names at least one API; the skip feature is never registered alone",
                    "API を 1 つ以上指定してください。本人確認省略機能だけを登録することはできません");
        }
        apis = Set.copyOf(EnumSet.copyOf(apis));
        if (!skipFeature && apis.size() != 1) {
            // guideline 1.3: without the feature every API needs its own service, verification and consent
            throw RuleViolation.invalid("apis", "single-api-without-skip",
                    "A service without the skip feature is registered for exactly one API (got " + apis.size() + ")",
                    "本人確認省略機能を利用しないサービスに登録できる API は 1 つだけです (指定数: " + apis.size() + ")");
        }
        if (clientAuth == null) {
            throw RuleViolation.invalid("clientAuth", "required", "clientAuth is required", "clientAuth は必須です");
        }
        if (idTokenAlg == null) {
            idTokenAlg = "RS256";
        }
        if (!idTokenAlg.equals("RS256") && !idTokenAlg.equals("ES256")) {
            throw RuleViolation.invalid("idTokenAlg", "id-token-alg", "idTokenAlg must be RS256 or ES256, got: " + idTokenAlg,
                    "idTokenAlg は RS256 または ES256 で指定してください。入力値: " + idTokenAlg);
        }
        if (consentButton == null) {
            consentButton = ConsentButton.LINK;
        }
        if (clientAuth == ClientAuthMethod.PRIVATE_KEY_JWT) {
            checkJwks(jwks);
        } else if (jwks != null && !jwks.isBlank()) {
            throw RuleViolation.invalid("jwks", "jwks-unexpected", "jwks is only used with private_key_jwt",
                    "jwks は private_key_jwt の場合のみ指定できます");
        }
    }

    /** Inline JWK Set JSON, or the URL of one (https, or http on a loopback host): RFC 7591 {@code jwks} / {@code jwks_uri}. */
    private static void checkJwks(String jwks) {
        RuleViolation.required("jwks", jwks);
        if (jwks.startsWith("http:") || jwks.startsWith("https:")) {
            ServiceUrl.of("jwks", jwks);
            return;
        }
        if (jwks.length() > MAX_JWKS) {
            throw RuleViolation.invalid("jwks", "jwks-length", "jwks must be at most " + MAX_JWKS + " characters",
                    "jwks は " + MAX_JWKS + " 文字以内で指定してください");
        }
        try (var reader = JSON.createReader(new StringReader(jwks))) {
            JsonObject set = reader.readObject();
            JsonValue keys = set.get("keys");
            if (keys == null || keys.getValueType() != JsonValue.ValueType.ARRAY || keys.asJsonArray().isEmpty()) {
                throw RuleViolation.invalid("jwks", "jwks-keys", "jwks must be a JWK Set with a non-empty keys array (RFC 7517 §5)",
                        "jwks は空でない keys 配列を持つ JWK Set (RFC 7517 §5) で指定してください");
            }
        } catch (JsonException | IllegalStateException e) {
            throw RuleViolation.invalid("jwks", "jwks-json", "jwks is not a JSON object",
                    "jwks が JSON オブジェクトではありません");
        }
    }
}
