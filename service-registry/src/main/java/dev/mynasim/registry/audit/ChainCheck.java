package dev.mynasim.registry.audit;

/**
 * What the walk over the chain found: how many records it checked and, when the chain is broken, the sequence number
 * of the first broken link and why.
 */
public record ChainCheck(boolean intact, long checked, Long firstBrokenSeq, String reason) {

    static ChainCheck intact(long checked) {
        return new ChainCheck(true, checked, null, null);
    }

    static ChainCheck broken(long checked, long seq, String reason) {
        return new ChainCheck(false, checked, seq, reason);
    }
}
