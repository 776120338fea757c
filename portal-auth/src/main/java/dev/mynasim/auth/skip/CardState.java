package dev.mynasim.auth.skip;

/**
 * What the skip rule needs to know of the card behind a verification session: only {@link #USABLE} lets a card read
 * be skipped (DESIGN.md section 4, condition 5). {@link #UNKNOWN} covers a card that can no longer be found.
 */
public enum CardState {
    USABLE,
    LOCKED,
    EXPIRED,
    REVOKED,
    UNKNOWN
}
