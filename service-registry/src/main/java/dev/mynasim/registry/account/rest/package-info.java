/** REST surface of console accounts. */
package dev.mynasim.registry.account.rest;
