/** REST surface of API users. */
package dev.mynasim.registry.apiuser.rest;
