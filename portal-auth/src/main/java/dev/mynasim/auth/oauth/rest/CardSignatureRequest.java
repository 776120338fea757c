package dev.mynasim.auth.oauth.rest;

/**
 * A card step signed outside the simulator: the card's certificate (PEM, or base64 of its DER) and the signature
 * over the challenge (base64url, RFC 7515 §2); {@code alg}, if given, must be {@code RS256} (RFC 7518 §3.3).
 */
public record CardSignatureRequest(String certificate, String signature, String alg) {
}
