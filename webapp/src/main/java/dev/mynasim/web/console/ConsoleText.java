package dev.mynasim.web.console;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The consoles' texts for the few places a bean words something: the same bundle the pages read. */
final class ConsoleText {

    private static final String BUNDLE = "dev.mynasim.web.console";

    private ConsoleText() {
    }

    static String get(String key, Object... arguments) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        // no fallback to the JVM's locale: English lives in the base bundle
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }
}
