package dev.mynasim.auth.flow;

import dev.mynasim.auth.skip.VerifiedCard;

/** The server side of a verification session (DESIGN.md 4): the card read it records, and whose card it was. */
public record SessionRecord(VerifiedCard card, String personId) {
}
