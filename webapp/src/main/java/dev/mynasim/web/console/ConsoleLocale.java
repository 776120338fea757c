package dev.mynasim.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The consoles speak Japanese unless the reader switched to English: the choice is a cookie of the consoles' path, so
 * it holds before sign-in and after sign-out too.
 */
@Named
@RequestScoped
public class ConsoleLocale {

    static final String COOKIE = "mynasim_console_lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    HttpServletRequest request;

    public Locale getCurrent() {
        Cookie[] cookies = request.getCookies();
        boolean english = cookies != null && Arrays.stream(cookies)
                .anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
        return english ? Locale.ENGLISH : Locale.JAPANESE;
    }

    /** The language the switch offers. */
    public Locale getOther() {
        return getCurrent().equals(Locale.ENGLISH) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    /** Switches the language and shows the same page again, with its parameters. */
    public String toggle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().addResponseCookie(COOKIE, getOther().getLanguage(), Map.of(
                "path", request.getContextPath() + "/console", "maxAge", ONE_YEAR, "httpOnly", true,
                "secure", request.isSecure(), "SameSite", "Strict"));
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }
}
