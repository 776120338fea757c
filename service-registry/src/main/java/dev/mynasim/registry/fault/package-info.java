/** Failure injection: the rules that make a service's authorization or data steps fail on purpose, and their hits. */
package dev.mynasim.registry.fault;
