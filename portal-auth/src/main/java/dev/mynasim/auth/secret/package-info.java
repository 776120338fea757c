/** The server secret from configuration, and the random values handed out and the hashes they are stored under. */
package dev.mynasim.auth.secret;
