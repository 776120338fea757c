/** REST surface of the token signing keys: the operator reads and rotates them. */
package dev.mynasim.auth.token.rest;
