/** The authorization in progress: transactions, verification sessions and codes in JCache, and the steps between them. */
package dev.mynasim.auth.flow;
