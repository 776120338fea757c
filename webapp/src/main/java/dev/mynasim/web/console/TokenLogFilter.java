package dev.mynasim.web.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Mojarra logs a protected view opened without its token at SEVERE with the session's own
 * {@code jakarta.faces.Token} value in the message ("correctSecretKeyValue = … incomingSecretKeyValue = …"): a
 * secret in the server log, for what is only a bookmarked page (answered 403 by {@link ProtectedViewRefusal}). This
 * filter drops that one record of Faces' lifecycle logger and lets every other record through.
 */
@WebListener
public class TokenLogFilter implements ServletContextListener {

    /** Mojarra's FacesLogger.LIFECYCLE. */
    static final String LIFECYCLE_LOGGER = "jakarta.enterprise.resource.webcontainer.faces.lifecycle";

    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger would lose the filter. */
    private static final Logger LIFECYCLE = Logger.getLogger(LIFECYCLE_LOGGER);

    static final Filter DROP_TOKEN = record -> record.getMessage() == null
            || !record.getMessage().contains("correctSecretKeyValue");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        LIFECYCLE.setFilter(DROP_TOKEN);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (LIFECYCLE.getFilter() == DROP_TOKEN) {
            LIFECYCLE.setFilter(null);
        }
    }
}
