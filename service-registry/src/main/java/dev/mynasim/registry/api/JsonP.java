package dev.mynasim.registry.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factories look the provider up with a
 * {@link java.util.ServiceLoader} on every call, which in a web application scans the class loaders' jars each time
 * (a fifth of a data call's CPU in the benchmark's profile); the provider is thread-safe, so one instance serves all.
 */
public final class JsonP {

    /** Use as {@code JSON.createObjectBuilder()}, {@code JSON.createReader(...)}, the same methods as {@code Json}. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonP() {
    }
}
