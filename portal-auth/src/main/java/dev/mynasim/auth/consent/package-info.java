/** 利用同意 and what a code exchange grants: decisions per service, grants that tokens point at, revocation. */
package dev.mynasim.auth.consent;
