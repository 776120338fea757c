/** REST over consents: a person's linked services and 連携を解除 (revocation), for the operator and API users. */
package dev.mynasim.auth.consent.rest;
