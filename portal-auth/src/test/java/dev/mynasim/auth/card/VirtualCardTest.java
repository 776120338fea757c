package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.skip.CardState;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md 9.6 and section 4: three wrong PINs in a row lock the card; state follows lock, revocation, dates. */
class VirtualCardTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static CertificateAuthority ca;
    private static KeyPair keys;

    @BeforeAll
    static void authority() {
        ca = CertificateAuthority.generate(NOW.minus(Duration.ofDays(1)));
        keys = CardKeys.generate();
    }

    private static VirtualCard aCard(Instant notBefore, Instant notAfter) {
        return new VirtualCard("100000000001", PersonId.random(), null,
                ca.issueCardCertificate(keys.getPublic(), "100000000001", notBefore, notAfter), new byte[] {1},
                "hash", NOW);
    }

    private static VirtualCard aUsableCard() {
        return aCard(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void thirdWrongPinInARowLocksTheCardAndSaysHowManyTriesRemainedBefore() {
        VirtualCard card = aUsableCard();

        assertThat(card.wrongPin()).isEqualTo(2);
        assertThat(card.wrongPin()).isEqualTo(1);
        assertThat(card.state(NOW)).isEqualTo(CardState.USABLE);
        assertThat(card.wrongPin()).isZero();

        assertThat(card.locked()).isTrue();
        assertThat(card.state(NOW)).isEqualTo(CardState.LOCKED);
    }

    @Test
    void aRightPinResetsTheCountSoTwoWrongAfterItDoNotLock() {
        VirtualCard card = aUsableCard();
        card.wrongPin();
        card.wrongPin();

        card.rightPin();
        card.wrongPin();
        card.wrongPin();

        assertThat(card.locked()).isFalse();
        assertThat(card.failures()).isEqualTo(2);
    }

    @Test
    void unlockingClearsTheLockAndTheCount() {
        VirtualCard card = aUsableCard();
        card.wrongPin();
        card.wrongPin();
        card.wrongPin();

        card.unlock();

        assertThat(card.state(NOW)).isEqualTo(CardState.USABLE);
        assertThat(card.failures()).isZero();
    }

    @Test
    void stateFollowsRevocationAndTheCertificatesValidityByTheGivenClock() {
        VirtualCard card = aUsableCard();
        assertThat(card.state(NOW.plus(Duration.ofDays(366)))).isEqualTo(CardState.EXPIRED);
        assertThat(card.state(NOW.minus(Duration.ofDays(2)))).isEqualTo(CardState.EXPIRED);

        card.revoke(NOW);

        assertThat(card.revoked()).isTrue();
        assertThat(card.state(NOW)).isEqualTo(CardState.REVOKED);
    }

    @Test
    void theCertificateIsKeptAndReadBackWithItsDates() {
        Instant notAfter = NOW.plus(Duration.ofDays(30));
        VirtualCard card = aCard(NOW.minus(Duration.ofDays(1)), notAfter);

        assertThat(card.certificate().getSubjectX500Principal().getName()).startsWith("CN=100000000001");
        assertThat(card.notAfter()).isEqualTo(notAfter.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
