/** The cryptography of the virtual My Number Card: the test CA, card keys and certificates, the PIN and the signature check. */
package dev.mynasim.auth.card;
