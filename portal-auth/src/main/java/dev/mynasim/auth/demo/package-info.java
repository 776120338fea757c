/** The demo persons and their virtual cards, loaded on first start (README lists them). */
package dev.mynasim.auth.demo;
