package dev.mynasim.adapters.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.CallbackHosts;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Notice delivery: the retry back-off, and DESIGN.md 9.11 (only allowed hosts are called, checked at send time). */
class NoticeDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void backOffDoublesPerFailedAttemptUpToFiveMinutes() {
        NoticeDelivery delivery = new NoticeDelivery();
        delivery.backoff = "PT2S";
        assertThat(delivery.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delivery.backoffAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(delivery.backoffAfter(30)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCallbackHostOffTheAllowListIsNotCalledAndNotRetried() {
        NoticeDelivery delivery = new NoticeDelivery();
        delivery.hosts = new CallbackHosts("localhost,127.0.0.1", "http://localhost:8080");
        delivery.timeout = "PT1S";
        VerifiedAccessToken token = new VerifiedAccessToken("t-1", PersonId.random(), "sub",
                ClientId.parse("SP00000001_AA0001"), Environment.TEST, Set.of(MynaApi.SELF_INFO), NOW, false, "g-1",
                NOW.plusSeconds(600), Optional.empty());
        DataRequest request = new DataRequest(java.util.UUID.randomUUID().toString(), "TL-00000001-261127090000-0001",
                token, MynaApi.SELF_INFO, "1",
                JsonValue.EMPTY_JSON_OBJECT, Optional.of("http://169.254.169.254/latest/meta-data"), NOW, NOW);

        NoticeDelivery.Sent sent = delivery.send(request, ExchangeShape.of("IFA", "a", "b", "c"),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(sent.delivered()).isFalse();
        assertThat(sent.final_()).as("no retry can help").isTrue();
        assertThat(sent.status()).as("nothing was sent").isNull();
        assertThat(sent.outcome()).contains("169.254.169.254").contains("not in mynasim.callback.allowed-hosts");
    }
}
