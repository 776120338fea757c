package dev.mynasim.registry.audit.rest;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.audit.AuditQuery;
import dev.mynasim.registry.audit.ChainCheck;
import dev.mynasim.registry.audit.HashChainedAuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail for the operator: filtered reads and the chain check (DESIGN.md 9.10). */
@Path("admin/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "audit", description = "Append-only, hash-chained audit trail (operator only)")
public class AuditResource {

    @Inject
    Caller caller;

    @Inject
    HashChainedAuditTrail trail;

    @GET
    @Operation(summary = "Audit records, oldest first, filtered by time (ISO-8601, from inclusive, to exclusive), "
            + "actor, subject and action")
    public List<AuditRecordResponse> find(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("actor") String actor, @QueryParam("subject") String subject,
                                          @QueryParam("action") String action,
                                          @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        caller.requireOperator();
        var query = new AuditQuery(IsoInstant.parse("from", from), IsoInstant.parse("to", to), actor, subject, action, offset, limit);
        return trail.find(query).stream().map(AuditRecordResponse::of).toList();
    }

    @GET
    @Path("check")
    @Operation(summary = "Walks the hash chain and reports the first broken link")
    public ChainCheck check() {
        caller.requireOperator();
        return trail.verify();
    }
}
