package dev.mynasim.adapters.exchange.rest;

import dev.mynasim.adapters.exchange.Exchange;
import dev.mynasim.adapters.exchange.ExchangeAnswer;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Mynaportal-compatible data exchange (DESIGN.md 5A). Telegram types per API: self-info {@code IFA0301-R01} /
 * {@code IFA0303-R01} (public), and simulator-defined {@code MIA…} medical-insurance, {@code NTA…} notices,
 * {@code URA…} user-registration, {@code ALA…} attribute-linkage in the same pattern; README lists their blocks.
 */
@Path("{environment: test|production}/online-resource-web")
@RequestScoped
@Tag(name = "Mynaportal-compatible exchange", description = "request, completion notice, result; "
        + "telegram types other than IFA03xx and every errorCode are simulator-defined")
public class OnlineResourceResource {

    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    @Inject
    Exchange exchange;

    @PathParam("environment")
    String environment;

    @POST
    @Path("request")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Accepts a data request telegram (IFA0301-R01 …) and answers its processId; "
            + "the completion notice goes to the service's callback URL after mynasim.callback.delay")
    public Response request(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(exchange.request(Environment.parse(environment), authorization, body));
    }

    @POST
    @Path("result")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Answers the data of a processId (IFA0303-R01 …) in the API's provision block as a JSON string")
    public Response result(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(exchange.result(Environment.parse(environment), authorization, body));
    }

    private static Response answer(ExchangeAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(JSON)
                .entity(answer.body().toString()).header("Cache-Control", "no-store");
        answer.headers().forEach(response::header);
        return response.build();
    }
}
