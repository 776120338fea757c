package dev.mynasim.registry.clock;

import static dev.mynasim.registry.RuleViolations.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.ServerMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatorClockTest {

    private static final Instant SYSTEM_NOW = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant SIMULATED = Instant.parse("2030-01-15T12:30:00Z");

    /** A system clock the test moves by hand: shows whether the simulated clock ticks with it. */
    private static final class HandMovedClock extends Clock {
        private Instant now;

        HandMovedClock(Instant now) {
            this.now = now;
        }

        void advance(Duration amount) {
            now = now.plus(amount);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static SimulatorClock devClock() {
        return new SimulatorClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), ServerMode.DEV);
    }

    @Test
    void untouchedClockShowsTheSystemTime() {
        SimulatorClock clock = devClock();

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW);
        assertThat(clock.state().offset()).isZero();
        assertThat(clock.state().frozenAt()).isNull();
    }

    @Test
    void frozenClockShowsTheSetInstantWhileTheSystemClockMoves() {
        HandMovedClock system = new HandMovedClock(SYSTEM_NOW);
        SimulatorClock clock = new SimulatorClock(system, ServerMode.DEV);

        clock.set(SIMULATED, true);
        system.advance(Duration.ofMinutes(10));

        assertThat(clock.now()).isEqualTo(SIMULATED);
        assertThat(clock.state().frozenAt()).isEqualTo(SIMULATED);
    }

    @Test
    void tickingClockStartsAtTheSetInstantAndMovesOnWithTheSystemClock() {
        HandMovedClock system = new HandMovedClock(SYSTEM_NOW);
        SimulatorClock clock = new SimulatorClock(system, ServerMode.DEV);

        clock.set(SIMULATED, false);
        assertThat(clock.now()).isEqualTo(SIMULATED);

        system.advance(Duration.ofMinutes(10));

        assertThat(clock.now()).isEqualTo(SIMULATED.plus(Duration.ofMinutes(10)));
        assertThat(clock.state().frozenAt()).isNull();
        assertThat(clock.state().offset()).isEqualTo(Duration.between(SYSTEM_NOW, SIMULATED));
    }

    @Test
    void tickingClockMayBeSetIntoThePast() {
        SimulatorClock clock = devClock();

        clock.set(SYSTEM_NOW.minus(Duration.ofDays(365)), false);

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW.minus(Duration.ofDays(365)));
    }

    @Test
    void movingForwardAddsToTheShownTime() {
        SimulatorClock clock = devClock();

        clock.move(Duration.ofMinutes(11));

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW.plus(Duration.ofMinutes(11)));
        assertThat(clock.state().frozenAt()).as("a ticking clock keeps ticking").isNull();
    }

    @Test
    void movingBackSubtractsFromTheShownTime() {
        SimulatorClock clock = devClock();

        clock.move(Duration.ofHours(-2));

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW.minus(Duration.ofHours(2)));
    }

    @Test
    void movesAddUp() {
        SimulatorClock clock = devClock();

        clock.move(Duration.ofMinutes(30));
        clock.move(Duration.ofMinutes(-10));

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void movingAFrozenClockKeepsItFrozen() {
        HandMovedClock system = new HandMovedClock(SYSTEM_NOW);
        SimulatorClock clock = new SimulatorClock(system, ServerMode.DEV);
        clock.set(SIMULATED, true);

        clock.move(Duration.ofMinutes(-5));
        system.advance(Duration.ofMinutes(1));

        assertThat(clock.now()).isEqualTo(SIMULATED.minus(Duration.ofMinutes(5)));
        assertThat(clock.state().frozenAt()).isEqualTo(SIMULATED.minus(Duration.ofMinutes(5)));
    }

    @Test
    void resetReturnsToTheSystemTime() {
        SimulatorClock clock = devClock();
        clock.set(SIMULATED, true);

        clock.reset();

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW);
        assertThat(clock.state().frozenAt()).isNull();
        assertThat(clock.state().offset()).isZero();
    }

    @Test
    void eachChangeAnswersTheNewState() {
        SimulatorClock clock = devClock();

        assertThat(clock.set(SIMULATED, true)).isEqualTo(clock.state()).extracting(SimulatorClock.State::frozenAt)
                .isEqualTo(SIMULATED);
        assertThat(clock.move(Duration.ofSeconds(1)).frozenAt()).isEqualTo(SIMULATED.plusSeconds(1));
        assertThat(clock.reset()).isEqualTo(clock.state());
    }

    @Test
    void producedClockShowsTheSimulatedTimeAndFollowsLaterChanges() {
        SimulatorClock simulator = devClock();
        Clock clock = simulator.clock();

        simulator.set(SIMULATED, true);
        assertThat(clock.instant()).isEqualTo(SIMULATED);
        assertThat(clock.millis()).isEqualTo(SIMULATED.toEpochMilli());

        simulator.move(Duration.ofMinutes(15));
        assertThat(clock.instant()).isEqualTo(SIMULATED.plus(Duration.ofMinutes(15)));

        simulator.reset();
        assertThat(clock.instant()).isEqualTo(SYSTEM_NOW);
    }

    @Test
    void producedClockIsInUtc() {
        assertThat(devClock().clock().getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void producedClockInAnotherZoneShowsTheSameInstant() {
        SimulatorClock simulator = devClock();
        simulator.set(SIMULATED, true);

        Clock tokyo = simulator.clock().withZone(ZoneId.of("Asia/Tokyo"));

        assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.instant()).isEqualTo(SIMULATED);
    }

    @Test
    void timeIsShownToTheMillisecondFromTheSystemClock() {
        SimulatorClock clock = new SimulatorClock(
                Clock.fixed(Instant.parse("2026-04-01T00:00:00.123456789Z"), ZoneOffset.UTC), ServerMode.DEV);

        assertThat(clock.now()).isEqualTo(Instant.parse("2026-04-01T00:00:00.123Z"));
        assertThat(clock.clock().instant()).isEqualTo(Instant.parse("2026-04-01T00:00:00.123Z"));
    }

    @Test
    void timeIsShownToTheMillisecondWhenSetWithNanoseconds() {
        SimulatorClock frozen = devClock();
        frozen.set(Instant.parse("2030-01-15T12:30:00.987654321Z"), true);
        SimulatorClock ticking = devClock();
        ticking.set(Instant.parse("2030-01-15T12:30:00.987654321Z"), false);
        SimulatorClock moved = devClock();
        moved.move(Duration.ofNanos(1_999_999));

        assertThat(frozen.now()).isEqualTo(Instant.parse("2030-01-15T12:30:00.987Z"));
        assertThat(ticking.now()).isEqualTo(Instant.parse("2030-01-15T12:30:00.987Z"));
        assertThat(moved.now()).isEqualTo(SYSTEM_NOW.plusMillis(1));
    }

    @Test
    void productionModeRefusesToSetTheClock() {
        SimulatorClock clock = new SimulatorClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), ServerMode.PRODUCTION);

        assertForbidden(() -> clock.set(SIMULATED, true), "clock-production-mode");
        assertForbidden(() -> clock.set(SIMULATED, false), "clock-production-mode");

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW);
    }

    @Test
    void productionModeRefusesToMoveTheClock() {
        SimulatorClock clock = new SimulatorClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), ServerMode.PRODUCTION);

        assertForbidden(() -> clock.move(Duration.ofDays(1)), "clock-production-mode");
        assertForbidden(() -> clock.move(Duration.ofDays(-1)), "clock-production-mode");

        assertThat(clock.now()).isEqualTo(SYSTEM_NOW);
        assertThat(clock.state().offset()).isZero();
    }

    @Test
    void productionModeRefusesEvenAReset() {
        SimulatorClock clock = new SimulatorClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), ServerMode.PRODUCTION);

        assertForbidden(clock::reset, "clock-production-mode");
    }

    @Test
    void productionModeShowsTheSystemTime() {
        SimulatorClock clock = new SimulatorClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), ServerMode.PRODUCTION);

        assertThat(clock.clock().instant()).isEqualTo(SYSTEM_NOW);
    }

    @Test
    void aClockInAnotherZoneFollowsLaterMoves() {
        SimulatorClock clock = new SimulatorClock(Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC), ServerMode.DEV);
        Clock tokyo = clock.clock().withZone(ZoneId.of("Asia/Tokyo"));

        clock.move(Duration.ofMinutes(11));

        assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.instant()).isEqualTo(SYSTEM_NOW.plus(Duration.ofMinutes(11)));
    }
}
