/** REST surface of failure-injection rules and their hits. */
package dev.mynasim.registry.fault.rest;
