/** The standard OpenID Connect door (DESIGN.md 5B): authorization code flow with PKCE, nonce, ID tokens, userinfo. */
package dev.mynasim.auth.oidc;
