/** MicroProfile Health checks. */
package dev.mynasim.web.health;
