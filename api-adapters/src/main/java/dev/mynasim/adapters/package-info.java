/** API adapters: one adapter per Mynaportal API, the person records they serve and the asynchronous exchange. */
package dev.mynasim.adapters;
