package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator clock through the admin API (dev mode), for journeys that need time to pass: callers reset it in a
 * {@code finally}, because the clock is shared by every test of the run.
 */
public final class AdminClock {

    private final Api operator;

    public AdminClock(SharedServer.Server server) {
        this.operator = Api.operator(server);
    }

    public Instant now() {
        return Instant.parse(operator.get("/admin/api/clock").json().getString("now"));
    }

    public void move(Duration by) {
        Api.Reply moved = operator.put("/admin/api/clock", "{\"moveSeconds\": " + by.toSeconds() + "}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    public void reset() {
        Api.Reply reset = operator.delete("/admin/api/clock");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    }
}
