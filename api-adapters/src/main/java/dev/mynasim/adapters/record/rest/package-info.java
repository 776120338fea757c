/** REST for editing person records: the operator for every person, an API user for the persons of its cards. */
package dev.mynasim.adapters.record.rest;
