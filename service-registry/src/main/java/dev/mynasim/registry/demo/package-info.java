/** The demo registrations loaded on first start: the services of the guideline's figures. */
package dev.mynasim.registry.demo;
