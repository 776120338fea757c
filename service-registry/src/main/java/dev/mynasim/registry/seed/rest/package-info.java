/** The admin REST resource of the id seeds. */
package dev.mynasim.registry.seed.rest;
