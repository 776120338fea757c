package dev.mynasim.auth.flow;

import java.util.Optional;

/** The portal's pages an authorization walks (the webapp serves them under {@code /portal/}), by transaction id. */
final class PortalPages {

    static final String ROOT = "/portal/";
    private static final String REGISTRATION = ROOT + "register.xhtml?tx=";

    private PortalPages() {
    }

    static String cardStep(String transactionId) {
        return ROOT + "verify.xhtml?tx=" + transactionId;
    }

    static String consent(String transactionId) {
        return ROOT + "consent.xhtml?tx=" + transactionId;
    }

    static String registration(String transactionId) {
        return REGISTRATION + transactionId;
    }

    /** The transaction of a location that is the registration step's page. */
    static Optional<String> registrationOf(String location) {
        return location.startsWith(REGISTRATION) ? Optional.of(location.substring(REGISTRATION.length())) : Optional.empty();
    }

    static boolean isPage(String location) {
        return location.startsWith(ROOT);
    }
}
