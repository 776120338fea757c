package dev.mynasim.web.rest;

import dev.mynasim.web.page.PortalLocale;
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
 * The language switch of every screen: remembers the choice in a cookie and returns to the page. Only a path of
 * this server is a valid return (no open redirect); anything else returns to the start page.
 */
@Path("lang/{language: ja|en}")
public class LanguageResource {

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public Response choose(@PathParam("language") String language, @QueryParam("back") String back) {
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20);
        URI target = uri.getBaseUriBuilder().path("portal/index.xhtml").build();
        if (local) {
            try {
                target = uri.getBaseUri().resolve(back.substring(1));
            } catch (IllegalArgumentException malformed) {
                // not a URI: back to the start page
            }
        }
        NewCookie cookie = new NewCookie.Builder(PortalLocale.COOKIE).value(language).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure("https".equals(uri.getBaseUri().getScheme()))
                .maxAge(365 * 24 * 60 * 60).build();
        return Response.seeOther(target).cookie(cookie).build();
    }
}
