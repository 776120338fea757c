/** The load driver of issue 7: virtual browsers and services against a freshly started simulator, and the report. */
package dev.mynasim.bench;
