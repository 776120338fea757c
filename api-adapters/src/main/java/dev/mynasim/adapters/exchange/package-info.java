/** The Mynaportal-compatible asynchronous exchange: request, completion notice to the service, result. */
package dev.mynasim.adapters.exchange;
