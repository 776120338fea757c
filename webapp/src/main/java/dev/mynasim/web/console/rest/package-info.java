/** The consoles' one JAX-RS address: {@code /console} leads to the dashboard. */
package dev.mynasim.web.console.rest;
