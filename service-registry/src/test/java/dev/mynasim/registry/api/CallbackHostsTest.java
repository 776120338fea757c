package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md 9.11: outbound calls only to the allowed hosts and to the simulator's own public host. */
class CallbackHostsTest {

    private final CallbackHosts loopback = new CallbackHosts(CallbackHosts.DEFAULT_HOSTS, "http://localhost:8080");

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "[::1]", "::1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"})
    void theLoopbackHostsOfTheDefaultAreAllowedInAnySpelling(String host) {
        assertThat(loopback.allows(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rp.example.jp", "localhost.example.jp", "127.0.0.2", "10.0.0.1", "169.254.169.254", "[::2]", ""})
    void otherHostsAreNot(String host) {
        assertThat(loopback.allows(host)).isFalse();
    }

    @Test
    void noHostIsNotAllowed() {
        assertThat(loopback.allows(null)).isFalse();
    }

    @Test
    void theHostOfThePublicBaseUrlIsAllowedToo() {
        CallbackHosts hosts = new CallbackHosts(CallbackHosts.DEFAULT_HOSTS, "https://Mynasim.Example.go.jp/");

        assertThat(hosts.allows("mynasim.example.go.jp")).isTrue();
        assertThatCode(() -> hosts.require("callbackUrl", "https://mynasim.example.go.jp/demo/AA0001/notice"))
                .doesNotThrowAnyException();
        assertThat(hosts.allows("example.go.jp")).isFalse();
    }

    @Test
    void listedHostsAreTrimmedAndCompareWithoutCase() {
        CallbackHosts hosts = new CallbackHosts(" rp.example.jp , [2001:db8::1] ", "http://localhost:8080");

        assertThat(hosts.allows("RP.example.JP")).isTrue();
        assertThat(hosts.allows("2001:DB8:0:0:0:0:0:1")).isTrue();
        assertThat(hosts.allows("127.0.0.1")).as("the list replaces the default").isFalse();
        assertThat(hosts.allows("localhost")).as("the base URL's host").isTrue();
    }

    @Test
    void aStarAllowsAnyHost() {
        CallbackHosts any = new CallbackHosts("*", "http://localhost:8080");

        assertThat(any.allows("anything.example")).isTrue();
        assertThat(any.allows("")).as("but there must be a host").isFalse();
    }

    @Test
    void requireNamesTheFieldAndTheRule() {
        assertThatCode(() -> loopback.require("callbackUrl", "http://127.0.0.1:9000/notice")).doesNotThrowAnyException();
        assertThatCode(() -> loopback.require("callbackUrl", "https://[::1]/notice")).doesNotThrowAnyException();

        assertThat(assertInvalid(() -> loopback.require("callbackUrl", "https://rp.example.jp/notice"), "callbackUrl",
                "host-not-allowed").getMessage()).contains("rp.example.jp", "mynasim.callback.allowed-hosts");
        assertInvalid(() -> loopback.require("callbackUrl", "https://localhost.evil.example/notice"), "callbackUrl",
                "host-not-allowed");
        assertInvalid(() -> loopback.require("callbackUrl", "not a url"), "callbackUrl", "host-not-allowed");
        assertInvalid(() -> loopback.require("callbackUrl", null), "callbackUrl", "host-not-allowed");
    }
}
