/** The synchronous JSON view of the person data for the OpenID Connect door. */
package dev.mynasim.adapters.view;
