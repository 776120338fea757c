/** The datasource and the start-up migration of every module's schema. */
package dev.mynasim.web.persistence;
