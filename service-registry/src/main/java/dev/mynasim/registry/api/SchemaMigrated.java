package dev.mynasim.registry.api;

/** CDI event fired once at start-up after every module's migrations ran; modules load their demo data on it. */
public record SchemaMigrated() {
}
