package dev.mynasim.registry.clock;

import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServerMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the {@link Clock} every module injects. In dev mode the operator can set it to an instant, freeze it, or
 * move it, so tests of expiry need not wait; in production mode it is the system clock and cannot be changed.
 * The state lives on this node only (a cluster-wide clock comes with clustering).
 */
@ApplicationScoped
public class SimulatorClock {

    /** Offset from the system clock, or a frozen instant. */
    public record State(Duration offset, Instant frozenAt) {
        static final State SYSTEM = new State(Duration.ZERO, null);

        /** Millisecond precision: what every supported database keeps, so a value reads back as it was written. */
        Instant now(Clock system) {
            return (frozenAt != null ? frozenAt : system.instant().plus(offset)).truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private final Clock system;
    private final AtomicReference<State> state = new AtomicReference<>(State.SYSTEM);
    private ServerMode mode;

    @Inject
    public SimulatorClock(@ConfigProperty(name = "mynasim.server.mode", defaultValue = "dev") String mode) {
        this(Clock.systemUTC(), ServerMode.parse(mode));
    }

    /** For the CDI proxy. */
    protected SimulatorClock() {
        this.system = Clock.systemUTC();
    }

    SimulatorClock(Clock system, ServerMode mode) {
        this.system = system;
        this.mode = mode;
    }

    @Produces
    public Clock clock() {
        return clock(ZoneOffset.UTC);
    }

    private Clock clock(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock(other);
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    public Instant now() {
        return state.get().now(system);
    }

    public State state() {
        return state.get();
    }

    /** Shows {@code instant} from now on: frozen there, or ticking on from it. */
    public State set(Instant instant, boolean frozen) {
        requireDev();
        return update(frozen ? new State(Duration.ZERO, instant)
                : new State(Duration.between(system.instant(), instant), null));
    }

    /** Moves the clock by {@code amount} (negative moves back), frozen or not as it was. */
    public State move(Duration amount) {
        requireDev();
        State current = state.get();
        return update(current.frozenAt() != null ? new State(Duration.ZERO, current.frozenAt().plus(amount))
                : new State(current.offset().plus(amount), null));
    }

    public State reset() {
        requireDev();
        return update(State.SYSTEM);
    }

    private State update(State next) {
        state.set(next);
        return next;
    }

    private void requireDev() {
        if (mode != ServerMode.DEV) {
            throw RuleViolation.forbidden("clock-production-mode",
                    "The clock can only be changed in dev mode (mynasim.server.mode=dev)",
                    "時計は開発モード (mynasim.server.mode=dev) でのみ変更できます");
        }
    }
}
