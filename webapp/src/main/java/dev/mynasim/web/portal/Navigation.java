package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Carries out a flow's answer: the session cookie to set, then the redirect, or the message to show. */
final class Navigation {

    private Navigation() {
    }

    /** Returns the message to show on the same page, in the reader's language, or null after sending the redirect. */
    static String follow(PortalFlow.Next next, boolean japanese) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        next.cookie().ifPresent(cookie -> external.addResponseCookie(cookie.name(), cookie.value(), Map.of(
                "path", "/", "maxAge", cookie.maxAgeSeconds(), "httpOnly", true, "secure", cookie.secure(),
                "SameSite", "Lax")));
        if (next.location().isPresent()) {
            try {
                String location = next.location().get();
                external.redirect(location.startsWith("/") ? external.getRequestContextPath() + location : location);
                faces.responseComplete();
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String message = next.refusal().map(r -> japanese ? r.messageJa() : r.message()).orElse("");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        return message;
    }
}
