package dev.mynasim.registry.clock.rest;

/** Either {@code instant} (with {@code frozen}) to set the clock, or {@code moveSeconds} to move it. */
public record ClockRequest(String instant, Boolean frozen, Long moveSeconds) {
}
