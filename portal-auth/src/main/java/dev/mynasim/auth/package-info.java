/** Portal authentication: persons, virtual cards, verification, the skip policy, consent and both OAuth doors. */
package dev.mynasim.auth;
