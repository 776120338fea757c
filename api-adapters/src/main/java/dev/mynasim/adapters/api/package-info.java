/** What other modules may use of the API adapters: the consoles' view of person records. */
package dev.mynasim.adapters.api;
