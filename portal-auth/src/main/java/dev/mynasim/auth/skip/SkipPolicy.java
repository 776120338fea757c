package dev.mynasim.auth.skip;

import dev.mynasim.auth.skip.SkipDecision.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The skip rule (本人確認省略) of DESIGN.md section 4: whether an authorization request may go straight to consent
 * without a card read, because this browser's verification session already covers it. Case 2 of the guideline (2.2):
 * services of one API user grouped in one environment share one card read; case 1 (2.1): an ungrouped service with
 * the feature skips on its own repeat. DESIGN.md 9.1: never across API users, groups, environments or browsers.
 *
 * <p>A pure function: the caller supplies the session found for the browser, the card's current state and the time
 * read from the injected clock. The conditions are checked in the order of DESIGN.md section 4 and the first one that
 * fails is the reason given.
 */
public final class SkipPolicy {

    private final Duration window;

    /** @param window how long after a card read it may be skipped ({@code mynasim.verification.skip-window}) */
    public SkipPolicy(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The skip window must be positive, got: " + window);
        }
        this.window = window;
    }

    public SkipDecision decide(SkipRequest request, Optional<VerifiedCard> session, CardState card, Instant now) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(now, "now");
        return new SkipDecision(reason(request, session, card, now));
    }

    private Reason reason(SkipRequest request, Optional<VerifiedCard> session, CardState card, Instant now) {
        if (!request.skipFeatureApproved()) {
            return Reason.NO_SKIP_FEATURE;
        }
        if (session.isEmpty()) {
            return Reason.NO_SESSION;
        }
        VerifiedCard verified = session.get();
        if (!now.isBefore(verified.authTime().plus(window))) {
            return Reason.SESSION_EXPIRED;
        }
        if (verified.environment() != request.environment()) {
            return Reason.OTHER_ENVIRONMENT;
        }
        if (!verified.domain().equals(request.domain())) {
            return Reason.OTHER_DOMAIN;
        }
        if (card != CardState.USABLE) {
            return Reason.CARD_UNUSABLE;
        }
        if (request.promptLogin() || isOlderThanMaxAge(verified, request, now)) {
            return Reason.FRESH_VERIFICATION_REQUESTED;
        }
        return Reason.SKIPPED;
    }

    /** OpenID Connect Core 3.1.2.1: re-authenticate when the time since the card read is greater than max_age. */
    private static boolean isOlderThanMaxAge(VerifiedCard verified, SkipRequest request, Instant now) {
        Duration age = Duration.between(verified.authTime(), now);
        return request.maxAge().filter(maxAge -> age.compareTo(maxAge) > 0).isPresent();
    }
}
