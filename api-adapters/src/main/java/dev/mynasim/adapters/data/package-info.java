/** The one small interface every API adapter implements, the shared record-serving base, and data refusals. */
package dev.mynasim.adapters.data;
