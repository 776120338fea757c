/** REST surface of the audit trail: filtered reads and the chain check, for the operator. */
package dev.mynasim.registry.audit.rest;
