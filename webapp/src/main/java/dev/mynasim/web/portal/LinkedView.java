package dev.mynasim.web.portal;

import dev.mynasim.auth.api.LinkedServices;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import dev.mynasim.web.page.PortalLocale;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * 連携中のサービス ({@code linked.xhtml}): the citizen reads a card with its PIN (or comes with a live verification
 * session) and sees the services they linked; 連携を解除 revokes one at once. The page carries the pass it was given in
 * a hidden field, as the flow pages carry their transaction.
 */
@Named
@RequestScoped
public class LinkedView {

    @Inject
    LinkedServices linked;

    @Inject
    PortalLocale locale;

    private String card;
    private String pin;
    private String pass;
    private boolean passRead;
    private String message;
    private String notice;
    private List<LinkedServices.Linked> services;
    private String personName;

    /** The pass: from the form, else from a live verification session of this browser (TEST, then PRODUCTION). */
    public String getPass() {
        if (!passRead) {
            passRead = true;
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            pass = Optional.ofNullable(external.getRequestParameterMap().get("pass")).filter(p -> !p.isBlank())
                    .orElseGet(() -> session(external));
        }
        return pass;
    }

    /** The services of the pass's person; null when there is no valid pass (the page then asks for a card). */
    public List<LinkedServices.Linked> getServices() {
        if (services == null && getPass() != null) {
            services = linked.of(getPass()).orElse(null);
        }
        return services;
    }

    /** Whose services the page lists: the name of the pass's person. */
    public String getPersonName() {
        if (personName == null && getPass() != null) {
            personName = linked.personName(getPass()).orElse("");
        }
        return personName;
    }

    public String read() {
        LinkedServices.Access access = linked.byCard(card, pin);
        pin = null;
        if (access.pass().isEmpty()) {
            message = japanese() ? access.messageJa() : access.message();
            return null;
        }
        pass = access.pass().get();
        passRead = true;
        services = null;
        personName = null;
        return null;
    }

    public String revoke(LinkedServices.Linked service) {
        if (linked.revoke(getPass(), service.consentId())) {
            notice = ResourceBundle.getBundle("dev.mynasim.web.messages", locale.getCurrent())
                    .getString("linked.revoked").formatted(service.serviceName());
        }
        services = null;
        return null;
    }

    /** A time as the citizen reads it: Japan time (JST, UTC+9, no summer time), to the minute; the page says JST. */
    public String format(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Tokyo"))
                .format(at);
    }

    /** The APIs of a service as one line, named in the page's language. */
    public String apis(LinkedServices.Linked service) {
        ResourceBundle bundle = bundle();
        return String.join(japanese() ? "、" : ", ", service.apis().stream()
                .map(api -> bundle.getString("api." + api.code())).toList());
    }

    /** The environment of a service in the page's language. */
    public String environment(LinkedServices.Linked service) {
        return bundle().getString("env." + service.environment().path());
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle("dev.mynasim.web.messages", locale.getCurrent());
    }

    private String session(ExternalContext external) {
        for (Environment environment : Environment.values()) {
            Object cookie = external.getRequestCookieMap().get("mynasim_vs_" + environment.path());
            if (cookie instanceof Cookie c) {
                Optional<String> found = linked.bySession(environment, c.getValue());
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return null;
    }

    private boolean japanese() {
        return "ja".equals(locale.getCurrent().getLanguage());
    }

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public String getMessage() {
        return message;
    }

    public String getNotice() {
        return notice;
    }
}
