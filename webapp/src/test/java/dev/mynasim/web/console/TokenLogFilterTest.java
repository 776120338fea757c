package dev.mynasim.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class TokenLogFilterTest {

    @Test
    void theRecordNamingTheSessionsFacesTokenIsDropped() {
        var mojarra = new LogRecord(Level.SEVERE, "JSF1099: ... correctSecretKeyValue = 1234abcd "
                + "incomingSecretKeyValue = null");
        assertThat(TokenLogFilter.DROP_TOKEN.isLoggable(mojarra)).isFalse();
    }

    @Test
    void everyOtherRecordOfTheLifecycleLoggerPasses() {
        assertThat(TokenLogFilter.DROP_TOKEN.isLoggable(new LogRecord(Level.SEVERE, "a view failed to render"))).isTrue();
        assertThat(TokenLogFilter.DROP_TOKEN.isLoggable(new LogRecord(Level.WARNING, null))).isTrue();
    }
}
