/** What other modules may use of the registry: identifiers, environments, the API catalogue, rule violations, the caller, the clock event, the audit trail, the failure-injection contract and the hosts the simulator may call. */
package dev.mynasim.registry.api;
