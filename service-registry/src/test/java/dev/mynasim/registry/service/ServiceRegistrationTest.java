package dev.mynasim.registry.service;

import static dev.mynasim.registry.RegistryFixtures.A_JWK_SET;
import static dev.mynasim.registry.RegistryFixtures.aRegistration;
import static dev.mynasim.registry.RegistryFixtures.aRegistrationWithSkip;
import static dev.mynasim.registry.RegistryFixtures.anHttpsUrl;
import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.MynaApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRegistrationTest {

    // --- guideline 1.3 and 2.1: which APIs a service may name ---

    @ParameterizedTest
    @EnumSource(MynaApi.class)
    void serviceWithoutSkipFeatureMayBeRegisteredForAnyOneApi(MynaApi api) {
        ServiceRegistration registration = aRegistration().withApis(api).build();

        assertThat(registration.apis()).containsExactly(api);
        assertThat(registration.skipFeature()).isFalse();
    }

    @Test
    void serviceWithoutSkipFeatureIsRegisteredForExactlyOneApi() {
        var violation = assertInvalid(
                () -> aRegistration().withApis(MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO).build(),
                "apis", "single-api-without-skip");

        assertThat(violation.messageJa()).contains("2");
    }

    @Test
    void serviceWithoutSkipFeatureCannotNameAllFiveApis() {
        assertInvalid(() -> aRegistration().withApis(EnumSet.allOf(MynaApi.class)).build(),
                "apis", "single-api-without-skip");
    }

    @Test
    void skipFeatureIsNeverRegisteredAlone() {
        assertInvalid(() -> aRegistrationWithSkip().build(), "apis", "api-required");
    }

    @Test
    void skipFeatureWithoutAnyApiSetIsRefusedToo() {
        assertInvalid(() -> aRegistration().withSkipFeature().withApis((Set<MynaApi>) null).build(),
                "apis", "api-required");
    }

    @Test
    void serviceWithoutSkipFeatureAndWithoutApiIsRefused() {
        assertInvalid(() -> aRegistration().withApis().build(), "apis", "api-required");
    }

    @Test
    void serviceWithSkipFeatureMayBeRegisteredForSeveralApis() {
        // guideline 2.1, case 1: one service, one verification, one consent for all its APIs
        ServiceRegistration registration = aRegistrationWithSkip(MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO).build();

        assertThat(registration.apis()).containsExactlyInAnyOrder(MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO);
        assertThat(registration.skipFeature()).isTrue();
    }

    @Test
    void serviceWithSkipFeatureMayBeRegisteredForAllFiveApis() {
        ServiceRegistration registration = aRegistration().withSkipFeature().withApis(EnumSet.allOf(MynaApi.class))
                .build();

        assertThat(registration.apis()).hasSize(5);
    }

    @Test
    void serviceWithSkipFeatureMayBeRegisteredForOneApi() {
        // guideline 2.2, case 2: each grouped service may serve one API of its own
        assertThat(aRegistrationWithSkip(MynaApi.NOTICES).build().apis()).containsExactly(MynaApi.NOTICES);
    }

    @Test
    void registeredApisDoNotFollowLaterChangesOfTheCallersSet() {
        Set<MynaApi> apis = EnumSet.of(MynaApi.SELF_INFO);
        ServiceRegistration registration = aRegistration().withApis(apis).build();

        apis.add(MynaApi.NOTICES);

        assertThat(registration.apis()).containsExactly(MynaApi.SELF_INFO);
        assertThatThrownBy(() -> registration.apis().add(MynaApi.NOTICES))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // --- display name and consent text ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000"})
    void displayNameIsRequired(String value) {
        assertInvalid(() -> aRegistration().withDisplayName(value).build(), "displayName", "required");
    }

    @Test
    void displayNameOfOneHundredCharactersIsAccepted() {
        assertThat(aRegistration().withDisplayName("名".repeat(100)).build().displayName()).hasSize(100);
    }

    @Test
    void displayNameLongerThanOneHundredCharactersIsRefused() {
        assertInvalid(() -> aRegistration().withDisplayName("名".repeat(101)).build(),
                "displayName", "display-name-length");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void consentTextIsRequired(String value) {
        assertInvalid(() -> aRegistration().withConsentText(value).build(), "consentText", "required");
    }

    @Test
    void consentTextOfExactlyTwoThousandCharactersIsAccepted() {
        String text = "同".repeat(2000);

        assertThat(aRegistration().withConsentText(text).build().consentText()).isEqualTo(text);
    }

    @Test
    void consentTextLongerThanTwoThousandCharactersIsRefused() {
        var violation = assertInvalid(() -> aRegistration().withConsentText("同".repeat(2001)).build(),
                "consentText", "consent-text-length");

        assertThat(violation.messageJa()).contains("2000", "2001");
    }

    // --- redirect URIs ---

    @Test
    void redirectUriIsRequired() {
        assertInvalid(() -> aRegistration().withRedirectUris(List.of()).build(), "redirectUris",
                "redirect-uri-required");
        assertInvalid(() -> aRegistration().withRedirectUris(null).build(), "redirectUris",
                "redirect-uri-required");
    }

    @Test
    void tenRedirectUrisAreAccepted() {
        assertThat(aRegistration().withRedirectUris(redirectUris(10)).build().redirectUris()).hasSize(10);
    }

    @Test
    void atMostTenRedirectUrisAreAccepted() {
        assertInvalid(() -> aRegistration().withRedirectUris(redirectUris(11)).build(), "redirectUris",
                "redirect-uri-count");
    }

    @Test
    void redirectUrisMustNotRepeat() {
        assertInvalid(() -> aRegistration()
                        .withRedirectUris(List.of(anHttpsUrl("/a"), anHttpsUrl("/b"), anHttpsUrl("/a"))).build(),
                "redirectUris", "redirect-uri-duplicate");
    }

    @Test
    void redirectUrisThatDifferOnlyInCaseAreDifferentUris() {
        // compared by exact string match later, so both may be registered
        assertThat(aRegistration().withRedirectUris(List.of(anHttpsUrl("/cb"), anHttpsUrl("/CB"))).build()
                .redirectUris()).hasSize(2);
    }

    @Test
    void redirectUrisKeepTheirOrderAndDoNotFollowLaterChanges() {
        List<ServiceUrl> uris = new ArrayList<>(List.of(anHttpsUrl("/b"), anHttpsUrl("/a")));
        ServiceRegistration registration = aRegistration().withRedirectUris(uris).build();

        uris.add(anHttpsUrl("/c"));

        assertThat(registration.redirectUris()).containsExactly(anHttpsUrl("/b"), anHttpsUrl("/a"));
    }

    // --- client authentication and the JWK Set ---

    @Test
    void privateKeyJwtWithJwkSetIsAccepted() {
        ServiceRegistration registration = aRegistration().withClientAuth(ClientAuthMethod.PRIVATE_KEY_JWT).build();

        assertThat(registration.clientAuth()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(registration.jwks()).contains("\"keys\"");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void privateKeyJwtNeedsAJwkSet(String jwks) {
        assertInvalid(() -> aRegistration().withClientAuth(ClientAuthMethod.PRIVATE_KEY_JWT).withJwks(jwks).build(),
                "jwks", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"keys\":[]}",
            "{\"keys\":{}}",
            "{\"keys\":\"RSA\"}",
            "{\"keys\":null}",
            "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"xyz\"}"  // a single JWK, not a set
    })
    void privateKeyJwtNeedsANonEmptyKeysArray(String jwks) {
        assertInvalid(() -> aRegistration().withJwks(jwks).build(), "jwks", "jwks-keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "[{\"keys\":[{}]}]", "{\"keys\":[", "\"keys\"", "42"})
    void privateKeyJwtNeedsAJsonObject(String jwks) {
        assertInvalid(() -> aRegistration().withJwks(jwks).build(), "jwks", "jwks-json");
    }

    @Test
    void jwkSetLongerThanSixteenKibicharactersIsRefused() {
        String padding = " ".repeat(16384);
        assertInvalid(() -> aRegistration().withJwks("{\"keys\":[{}]}" + padding).build(), "jwks", "jwks-length");
    }

    @ParameterizedTest
    @EnumSource(value = ClientAuthMethod.class, names = {"NONE", "TLS_CLIENT_AUTH"})
    void jwkSetGivenWithAnotherMethodIsRefused(ClientAuthMethod method) {
        assertInvalid(() -> aRegistration().withClientAuth(method).withJwks(A_JWK_SET).build(),
                "jwks", "jwks-unexpected");
    }

    @ParameterizedTest
    @EnumSource(value = ClientAuthMethod.class, names = {"NONE", "TLS_CLIENT_AUTH"})
    void otherMethodsNeedNoJwkSet(ClientAuthMethod method) {
        ServiceRegistration registration = aRegistration().withClientAuth(method).build();

        assertThat(registration.clientAuth()).isEqualTo(method);
        assertThat(registration.jwks()).isNull();
    }

    @Test
    void clientAuthenticationIsRequired() {
        assertInvalid(() -> aRegistration().withClientAuth(null).build(), "clientAuth", "required");
    }

    private static List<ServiceUrl> redirectUris(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> anHttpsUrl("/cb" + i)).toList();
    }
}
