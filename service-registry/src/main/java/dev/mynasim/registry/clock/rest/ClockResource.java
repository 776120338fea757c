package dev.mynasim.registry.clock.rest;

import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.clock.SimulatorClock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads the simulator clock; in dev mode the operator sets, freezes, moves or resets it. */
@Path("admin/api/clock")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "clock", description = "The simulator clock (changeable in dev mode only)")
public class ClockResource {

    @Inject
    Caller caller;

    @Inject
    SimulatorClock clock;

    @Inject
    AuditTrail audit;

    @GET
    @Operation(summary = "What the simulator clock shows now")
    public ClockResponse get() {
        return ClockResponse.of(clock);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the clock to an instant (frozen or ticking) or moves it by moveSeconds")
    public ClockResponse change(ClockRequest request) {
        caller.requireOperator();
        if (request == null || (request.instant() == null) == (request.moveSeconds() == null)) {
            throw RuleViolation.invalid("instant", "clock-request",
                    "Give either instant (with frozen) or moveSeconds",
                    "instant (と frozen) または moveSeconds のどちらか一方を指定してください");
        }
        if (request.moveSeconds() != null) {
            clock.move(Duration.ofSeconds(request.moveSeconds()));
        } else {
            clock.set(IsoInstant.parse("instant", request.instant()), Boolean.TRUE.equals(request.frozen()));
        }
        ClockResponse response = ClockResponse.of(clock);
        audit.record(caller.name(), "clock.change", "clock", "now=" + response.now() + " frozen=" + response.frozen());
        return response;
    }

    @DELETE
    @Operation(summary = "Puts the clock back on the system clock")
    public ClockResponse reset() {
        caller.requireOperator();
        clock.reset();
        audit.record(caller.name(), "clock.reset", "clock", null);
        return ClockResponse.of(clock);
    }
}
