/** REST surface of persons and virtual cards for the operator and for API users' own test cards. */
package dev.mynasim.auth.card.rest;
