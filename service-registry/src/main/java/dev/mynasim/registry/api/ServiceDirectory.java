package dev.mynasim.registry.api;

import java.util.Optional;

/** Looks up Web service registrations for the portal; implemented by the registry. */
public interface ServiceDirectory {

    Optional<RegisteredService> find(Environment environment, ClientId clientId);
}
