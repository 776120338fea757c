/** The web application: the JAX-RS application, start-up, security, pages and configuration defaults. */
package dev.mynasim.web;
