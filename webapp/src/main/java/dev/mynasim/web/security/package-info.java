/** Authentication of console accounts and the caller every module's services are handed. */
package dev.mynasim.web.security;
