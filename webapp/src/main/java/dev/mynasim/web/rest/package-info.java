/** JAX-RS plumbing shared by every module's resources: problem details, JSON-B settings, the body size limit. */
package dev.mynasim.web.rest;
