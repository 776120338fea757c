/** The operator console and the API-user console: their Faces pages' beans, calling the modules' admin interfaces. */
package dev.mynasim.web.console;
