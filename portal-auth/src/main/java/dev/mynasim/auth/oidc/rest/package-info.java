/** JAX-RS endpoints of the OpenID Connect door: discovery, authorize, token, userinfo, JWKS. */
package dev.mynasim.auth.oidc.rest;
