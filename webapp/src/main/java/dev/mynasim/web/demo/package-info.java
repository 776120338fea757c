/** The demo services: small relying parties inside the WAR that use the simulator as an external service would. */
package dev.mynasim.web.demo;
