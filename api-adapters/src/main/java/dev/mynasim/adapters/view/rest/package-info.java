/** {@code GET {base}/api/v1/{api}/{resource}}: the same data and token checks as the exchange, RFC 9457 errors. */
package dev.mynasim.adapters.view.rest;
