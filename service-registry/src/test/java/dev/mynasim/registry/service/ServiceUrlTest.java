package dev.mynasim.registry.service;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceUrlTest {

    private static final String FIELD = "redirectUris";

    @ParameterizedTest
    @ValueSource(strings = {
            "https://rp.example.jp/callback",
            "https://rp.example.jp:8443/oauth/cb?tenant=1",
            "https://RP.Example.JP/Callback/",
            "https://192.0.2.10/cb"
    })
    void httpsUrlIsAcceptedAndKeptExactlyAsWritten(String value) {
        assertThat(ServiceUrl.of(FIELD, value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost/cb",
            "http://localhost:8080/cb",
            "http://LOCALHOST:8080/cb",
            "http://127.0.0.1/cb",
            "http://127.0.0.1:3000/callback",
            "http://127.10.20.30:9000/cb",
            "http://[::1]/cb",
            "http://[::1]:8080/cb"
    })
    void httpIsAcceptedForLoopbackHostsOnly(String value) {
        assertThat(ServiceUrl.of(FIELD, value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://rp.example.jp/cb",
            "http://localhost.example.jp/cb",   // looks like localhost, is not
            "http://127.0.0.1.example.jp/cb",   // looks like loopback, is not
            "http://128.0.0.1/cb",
            "http://10.0.0.1/cb",
            "ftp://rp.example.jp/cb",
            "ws://localhost/cb"
    })
    void nonHttpsUrlOutsideLoopbackIsRefused(String value) {
        assertInvalid(() -> ServiceUrl.of(FIELD, value), FIELD, "url-https");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/callback",
            "callback",
            "rp.example.jp/callback",
            "//rp.example.jp/callback",
            "https:/callback",
            "https:callback",
            "https:///callback",
            "file:///etc/passwd",
            "mailto:dev@rp.example.jp"
    })
    void relativeUrlOrUrlWithoutHostIsRefused(String value) {
        assertInvalid(() -> ServiceUrl.of(FIELD, value), FIELD, "url-absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://rp.example.jp/cb#top", "https://rp.example.jp/cb#", "http://localhost/cb#x"})
    void urlWithFragmentIsRefused(String value) {
        assertInvalid(() -> ServiceUrl.of(FIELD, value), FIELD, "url-fragment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:secret@rp.example.jp/cb", "https://user@rp.example.jp/cb",
            "http://user@localhost/cb"})
    void urlWithUserInformationIsRefused(String value) {
        assertInvalid(() -> ServiceUrl.of(FIELD, value), FIELD, "url-userinfo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://rp.example.jp/call back", "https://rp.example.jp/cb?q=%zz",
            "https://rp.example.jp/<script>", "https://[::1/cb", "https ://x"})
    void urlWithBadSyntaxIsRefused(String value) {
        assertInvalid(() -> ServiceUrl.of(FIELD, value), FIELD, "url-syntax");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void missingUrlIsRefusedAsRequired(String value) {
        assertInvalid(() -> ServiceUrl.of("callbackUrl", value), "callbackUrl", "required");
    }

    @Test
    void urlOfTwoThousandCharactersIsAccepted() {
        String url = urlOfLength(2000);

        assertThat(ServiceUrl.of(FIELD, url).value()).hasSize(2000);
    }

    @Test
    void urlLongerThanTwoThousandCharactersIsRefused() {
        assertInvalid(() -> ServiceUrl.of(FIELD, urlOfLength(2001)), FIELD, "url-length");
    }

    @Test
    void violationNamesTheFieldItWasGivenFor() {
        var violation = assertInvalid(() -> ServiceUrl.of("callbackUrl", "http://rp.example.jp/cb"), "callbackUrl",
                "url-https");

        assertThat(violation.messageJa()).startsWith("callbackUrl").contains("http://rp.example.jp/cb");
    }

    private static String urlOfLength(int length) {
        String prefix = "https://rp.example.jp/";
        return prefix + "a".repeat(length - prefix.length());
    }
}
