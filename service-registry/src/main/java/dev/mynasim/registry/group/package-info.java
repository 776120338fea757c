/** グルーピング: services of one API user in one environment that share a card verification (guideline 2.2). */
package dev.mynasim.registry.group;
