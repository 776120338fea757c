/** Deterministic ids on request: a TEST service's seed, from which its codes and processIds are derived. */
package dev.mynasim.registry.seed;
