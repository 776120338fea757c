package dev.mynasim.web.demo.rest;

import dev.mynasim.web.demo.DemoClient;
import dev.mynasim.web.demo.DemoJourneys;
import dev.mynasim.web.demo.DemoServices;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo services' HTTP side: {@code /demo} leads to their start page, {@code start} sends the browser to the
 * portal's authorize endpoint, {@code callback} is their redirect URI. The pages themselves are Faces views.
 */
@Path("demo")
public class DemoResource {

    @Inject
    DemoServices services;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public Response start() {
        return Response.seeOther(uri.getBaseUriBuilder().path("demo/index").build()).build();
    }

    @GET
    @Path("{serviceId: AA000[1-4]}/start")
    @Operation(hidden = true)
    public Response link(@PathParam("serviceId") String serviceId, @CookieParam(DemoJourneys.COOKIE) String browser) {
        String id = browser == null || browser.isBlank() ? DemoJourneys.newId() : browser;
        return Response.seeOther(URI.create(services.start(id, serviceId))).cookie(cookie(id)).build();
    }

    @GET
    @Path("{serviceId: AA000[1-4]}/callback")
    @Operation(hidden = true)
    public Response callback(@PathParam("serviceId") String serviceId, @CookieParam(DemoJourneys.COOKIE) String browser,
                             @QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @Context HttpServletRequest request,
                             @Context HttpServletResponse response) throws ServletException, IOException {
        try {
            services.finish(browser, serviceId, state, code, error);
            return Response.seeOther(uri.getBaseUriBuilder().path("demo/" + serviceId).build()).build();
        } catch (DemoClient.Failed unknownState) {
            // an answer this browser did not ask for (RFC 6749 §10.12): nothing is done with it, and the page that
            // says so stays at the callback URL (its code is left unredeemed)
            response.setStatus(400);
            request.getRequestDispatcher("/demo/unexpected").forward(request, response);
            return null;
        }
    }

    private NewCookie cookie(String id) {
        return new NewCookie.Builder(DemoJourneys.COOKIE).value(id).path("/demo").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure("https".equals(uri.getBaseUri().getScheme()))
                .maxAge(2 * 60 * 60).build();
    }
}
