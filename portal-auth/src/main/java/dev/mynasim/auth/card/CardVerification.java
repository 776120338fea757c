package dev.mynasim.auth.card;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The card step (DESIGN.md 4): the lock, the PIN (3 wrong in a row lock the card for every service; a right one
 * resets the count), then a fresh challenge signed with the card's key and checked against its certificate, the
 * chain to the test CA, the validity dates by the simulator clock, and revocation. A failure is an answer, not an
 * exception, so the failure count it changed is committed.
 */
@ApplicationScoped
public class CardVerification {

    /** How a card read ended; on success the person and the time of the read. */
    public record Outcome(String serial, Optional<PersonId> person, Instant at, String code, String messageJa,
                          String message) {
        public boolean verified() {
            return person.isPresent();
        }
    }

    @Inject
    private VirtualCards cards;

    @Inject
    private TestCa ca;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Transactional
    public Outcome read(String serial, String pinText, Environment environment, String actor, String context) {
        Instant now = clock.instant();
        Optional<VirtualCard> found = cards.findForUpdate(serial);
        if (found.isEmpty()) {
            return failed(serial, now, actor, context, "card-unknown", "カードを読み取れません。カードを選び直してください",
                    "The card cannot be read; choose a card again");
        }
        VirtualCard card = found.get();
        Pin pin;
        try {
            pin = new Pin(pinText);
        } catch (RuleViolation e) {
            return failed(serial, now, actor, context, "pin-format", "暗証番号は数字 4 桁で入力してください",
                    "Enter the 4-digit PIN");
        }
        if (card.locked()) {
            return locked(serial, now, actor, context);
        }
        if (exportedInProduction(card, environment)) {
            return exported(serial, now, actor, context);
        }
        if (!cards.pinMatches(card, pin)) {
            int left = card.wrongPin();
            return left > 0
                    ? failed(serial, now, actor, context, "pin-wrong",
                            "暗証番号が違います。あと " + left + " 回間違えるとロックされます",
                            "Wrong PIN; " + left + " more wrong and the card locks")
                    : failed(serial, now, actor, context, "card-locked",
                            "暗証番号を 3 回続けて間違えたため、カードがロックされました",
                            "Wrong PIN for the third time in a row: the card is now locked");
        }
        card.rightPin();
        CardCheck.Result result = CardCheck.check(cards.privateKey(card), card.certificate(),
                ca.authority().certificate(), now, card.revoked());
        return checked(card, now, actor, context, result);
    }

    /**
     * The card step with a signature made outside the simulator, by an integrator's own code with the card's exported
     * key: the challenge the simulator drew, signed RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3), and the
     * card's certificate. The same checks as a read on the page, except the PIN, which the signer's own code asks
     * for: the card's lock (a locked card stays locked), then signature, chain to the test CA, validity by the
     * simulator clock and revocation. {@code apiUser}: a card owned by another API user is not offered to this flow.
     */
    @Transactional
    public Outcome readSigned(X509Certificate certificate, byte[] challenge, byte[] signature, Environment environment,
                              ApiUserId apiUser, String actor, String context) {
        Instant now = clock.instant();
        Optional<VirtualCard> found = cards.byCertificate(certificate)
                .filter(card -> card.owner().filter(owner -> !owner.equals(apiUser)).isEmpty());
        if (found.isEmpty()) {
            return failed(certificate.getSubjectX500Principal().getName(), now, actor, context, "card-unknown",
                    "この証明書は、このサービスで選択できるカードの利用者証明用電子証明書ではありません",
                    "The certificate is not that of a card this service may use");
        }
        VirtualCard card = found.get();
        if (card.locked()) {
            return locked(card.serial(), now, actor, context);
        }
        if (exportedInProduction(card, environment)) {
            return exported(card.serial(), now, actor, context);
        }
        CardCheck.Result result = CardCheck.verify(challenge, signature, card.certificate(),
                ca.authority().certificate(), now, card.revoked());
        return checked(card, now, actor, context, result);
    }

    private Outcome checked(VirtualCard card, Instant now, String actor, String context, CardCheck.Result result) {
        if (result != CardCheck.Result.OK) {
            return refused(card.serial(), now, actor, context, result);
        }
        audit.record(actor, "verification.card-read", "card/" + card.serial(), context + " person=" + card.person());
        return new Outcome(card.serial(), Optional.of(card.person()), now, "verified", "本人確認が完了しました",
                "Identity verified");
    }

    /** A card whose key was exported serves TEST flows only: in PRODUCTION its key is no longer proof of anything. */
    public static boolean exportedInProduction(VirtualCard card, Environment environment) {
        return environment == Environment.PRODUCTION && card.exportedAt().isPresent();
    }

    private Outcome exported(String serial, Instant now, String actor, String context) {
        return failed(serial, now, actor, context, "card-exported",
                "このカードの秘密鍵はエクスポートされているため、接続確認環境でのみ使用できます",
                "The card's private key was exported: the card serves the TEST environment only");
    }

    /**
     * A card read that a failure rule decides (DESIGN.md 6): the answer of a read of a locked card or of an expired
     * certificate, word for word, and nothing about the card changes (no PIN is tried, no failure counted).
     */
    @Transactional
    public Outcome injected(String serial, FaultEffect effect, String actor, String context) {
        Instant now = clock.instant();
        return switch (effect) {
            case CARD_LOCKED -> locked(serial, now, actor, context);
            case CERTIFICATE_EXPIRED -> refused(serial, now, actor, context, CardCheck.Result.EXPIRED);
            default -> throw new IllegalArgumentException("not an effect of the card step: " + effect);
        };
    }

    private Outcome locked(String serial, Instant now, String actor, String context) {
        return failed(serial, now, actor, context, "card-locked",
                "暗証番号を 3 回続けて間違えたため、このカードはロックされています。市区町村の窓口でロックを解除してください (シミュレーターでは運用者が解除します)",
                "The card is locked after 3 wrong PINs in a row; the operator can unlock it");
    }

    private Outcome refused(String serial, Instant now, String actor, String context, CardCheck.Result result) {
        return failed(serial, now, actor, context, "certificate-" + result.name().toLowerCase().replace('_', '-'),
                result.messageJa(), "The card's certificate was refused: " + result.name());
    }

    private Outcome failed(String serial, Instant now, String actor, String context, String code, String messageJa,
                           String message) {
        audit.record(actor, "verification.failed", "card/" + serial, context + " reason=" + code);
        return new Outcome(serial, Optional.empty(), now, code, messageJa, message);
    }
}
