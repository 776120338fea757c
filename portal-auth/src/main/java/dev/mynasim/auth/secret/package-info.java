/** The server secret from configuration, from which the keys that protect stored card keys and PINs are derived. */
package dev.mynasim.auth.secret;
