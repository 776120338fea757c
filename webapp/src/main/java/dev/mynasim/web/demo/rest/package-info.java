/** The demo services' HTTP endpoints: the completion-notice receiver at each demo registration's callback URL. */
package dev.mynasim.web.demo.rest;
