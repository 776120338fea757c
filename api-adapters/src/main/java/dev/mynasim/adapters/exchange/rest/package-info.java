/** The exchange's endpoints ({@code {base}/online-resource-web}) and the integrator's view of requests and notices. */
package dev.mynasim.adapters.exchange.rest;
