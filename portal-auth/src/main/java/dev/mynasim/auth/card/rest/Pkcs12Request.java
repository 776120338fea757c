package dev.mynasim.auth.card.rest;

/** The password that protects an exported PKCS#12 file: 8 to 128 characters, chosen by the caller, never stored. */
public record Pkcs12Request(String password) {
}
