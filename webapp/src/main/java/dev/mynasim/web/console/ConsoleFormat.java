package dev.mynasim.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import dev.mynasim.registry.api.MynaApi;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** Values as the consoles show them: times in Japan time to the second (the audit trail and REST API keep UTC), API codes. */
@Named("fmt")
@ApplicationScoped
public class ConsoleFormat {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(JAPAN);

    /** An {@code Instant} or an {@code Optional} of one (EL picks no overloads); empty text for none. */
    public String time(Object value) {
        Object instant = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        return instant instanceof Instant at ? TIME.format(at) : "";
    }

    /** API codes in a stable order, comma-separated. */
    public String apis(Collection<MynaApi> apis) {
        return apis.stream().map(MynaApi::code).sorted().collect(Collectors.joining(", "));
    }
}
