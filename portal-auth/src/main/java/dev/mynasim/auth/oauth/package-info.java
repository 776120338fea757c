/** The Mynaportal-compatible door (DESIGN.md 5A): its endpoints live in the rest subpackage. */
package dev.mynasim.auth.oauth;
