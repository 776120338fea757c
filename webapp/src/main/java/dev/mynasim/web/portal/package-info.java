/** The portal screens of an authorization: card step, consent, registration; request-scoped, no HTTP session. */
package dev.mynasim.web.portal;
