/** REST surface of service groups, per environment. */
package dev.mynasim.registry.group.rest;
