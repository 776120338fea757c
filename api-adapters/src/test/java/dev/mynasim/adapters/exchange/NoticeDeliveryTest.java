package dev.mynasim.adapters.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The notice's retry back-off doubles from the configured step and stops growing at five minutes. */
class NoticeDeliveryTest {

    @Test
    void backOffDoublesPerFailedAttemptUpToFiveMinutes() {
        NoticeDelivery delivery = new NoticeDelivery();
        delivery.backoff = "PT2S";
        assertThat(delivery.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(delivery.backoffAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(delivery.backoffAfter(30)).isEqualTo(Duration.ofMinutes(5));
    }
}
