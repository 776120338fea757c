package dev.mynasim.registry.service;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;

/**
 * Fired synchronously, inside the transaction that removes a registration, so what belongs to the service (its
 * failure rules) goes with it.
 */
public record ServiceRemoved(Caller caller, Environment environment, ClientId clientId) {
}
