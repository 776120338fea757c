/** Person records: the simulated data of each person, per API resource, checked against its layout. */
package dev.mynasim.adapters.record;
