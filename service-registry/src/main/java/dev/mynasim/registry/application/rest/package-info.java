/** REST surface of usage applications: start, walk the steps, declare. */
package dev.mynasim.registry.application.rest;
