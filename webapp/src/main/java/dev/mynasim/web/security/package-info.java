/** Authentication of console accounts, the caller every module's services are handed, and the TLS client certificate of a request. */
package dev.mynasim.web.security;
