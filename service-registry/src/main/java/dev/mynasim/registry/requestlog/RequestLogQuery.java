package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import java.time.Instant;

/** Filters of a request log read (null: any); {@code endpoint} matches a part of the endpoint. */
public record RequestLogQuery(Environment environment, ClientId service, String endpoint, String result, Instant from,
                              Instant to, int offset, int limit) {
}
