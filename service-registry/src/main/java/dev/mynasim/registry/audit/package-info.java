/** The append-only audit trail: records chained by SHA-256 hashes, and the check that walks the chain. */
package dev.mynasim.registry.audit;
