/** The simulator's clock: the system clock, or in dev mode one the operator has set, frozen or moved. */
package dev.mynasim.registry.clock;
