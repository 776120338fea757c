/** What other modules may use of the registry: identifiers, environments, the API catalogue, rule violations, the caller, the clock event and the audit trail. */
package dev.mynasim.registry.api;
