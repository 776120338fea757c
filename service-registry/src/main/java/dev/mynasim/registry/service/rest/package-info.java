/** REST surface of Web services, per environment. */
package dev.mynasim.registry.service.rest;
