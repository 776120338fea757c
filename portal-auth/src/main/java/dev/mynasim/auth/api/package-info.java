/** What other modules may use of portal authentication: persons, cards, verification and token checks (filled by later issues). */
package dev.mynasim.auth.api;
