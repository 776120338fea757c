/** REST surface of the simulator clock. */
package dev.mynasim.registry.clock.rest;
