package dev.mynasim.registry.clock.rest;

import dev.mynasim.registry.clock.SimulatorClock;
import java.time.Instant;

/** What the simulator clock shows now and how it differs from the system clock. */
public record ClockResponse(Instant now, boolean frozen, long offsetSeconds, String mode) {

    static ClockResponse of(SimulatorClock clock) {
        SimulatorClock.State state = clock.state();
        return new ClockResponse(clock.now(), state.frozenAt() != null, state.offset().toSeconds(),
                state.frozenAt() == null && state.offset().isZero() ? "system" : "simulated");
    }
}
