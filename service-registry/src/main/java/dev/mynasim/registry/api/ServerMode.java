package dev.mynasim.registry.api;

/** {@code mynasim.server.mode}: {@code dev} allows the movable clock; {@code production} refuses default secrets. */
public enum ServerMode {
    DEV, PRODUCTION;

    public static ServerMode parse(String value) {
        if ("dev".equalsIgnoreCase(value)) {
            return DEV;
        }
        if ("production".equalsIgnoreCase(value)) {
            return PRODUCTION;
        }
        throw new IllegalArgumentException("mynasim.server.mode must be dev or production, got: " + value);
    }
}
