/** JAX-RS endpoints of the Mynaportal-compatible door and the test CA certificate download. */
package dev.mynasim.auth.oauth.rest;
