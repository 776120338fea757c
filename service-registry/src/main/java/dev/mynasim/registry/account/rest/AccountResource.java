package dev.mynasim.registry.account.rest;

import dev.mynasim.registry.account.ConsoleAccount;
import dev.mynasim.registry.account.ConsoleAccounts;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Console accounts: the operator creates them; every account may read itself and change its password. */
@Path("admin/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "accounts", description = "Console accounts (operator, or bound to one API user)")
public class AccountResource {

    @Inject
    Caller caller;

    @Inject
    ConsoleAccounts accounts;

    @GET
    @Operation(summary = "All accounts (operator) or the caller's own")
    public List<AccountResponse> list() {
        return accounts.list(caller).stream().map(AccountResponse::of).toList();
    }

    @POST
    @Operation(summary = "Creates an account; with apiUserId it is bound to that API user, without it is an operator")
    public Response create(AccountRequest request, @Context UriInfo uri) {
        AccountRequest body = RuleViolation.requireBody(request);
        ApiUserId apiUser = body.apiUserId() == null ? null : new ApiUserId(body.apiUserId());
        ConsoleAccount account = accounts.create(caller, body.username(), body.password(), apiUser);
        return Response.created(uri.getAbsolutePathBuilder().path(account.username()).build())
                .entity(AccountResponse.of(account)).build();
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One account")
    public AccountResponse get(@PathParam("username") String username) {
        return AccountResponse.of(accounts.get(caller, username));
    }

    @PUT
    @Path("{username}/password")
    @Operation(summary = "Changes an account's password")
    public AccountResponse changePassword(@PathParam("username") String username, AccountRequest request) {
        AccountRequest body = RuleViolation.requireBody(request);
        return AccountResponse.of(accounts.changePassword(caller, username, body.password()));
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Removes an account (operator)")
    public Response remove(@PathParam("username") String username) {
        accounts.remove(caller, username);
        return Response.noContent().build();
    }
}
