/** What other modules may use of the API adapters (filled by later issues). */
package dev.mynasim.adapters.api;
