/** REST surface of Web services' TLS client certificates: a CSR signed, a key pair made (TEST), a certificate pinned. */
package dev.mynasim.auth.tls.rest;
