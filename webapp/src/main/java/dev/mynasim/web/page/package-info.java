/** Jakarta Faces pages' shared pieces: the security headers every response carries. */
package dev.mynasim.web.page;
