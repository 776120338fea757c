package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import dev.mynasim.auth.card.CardCheck.Result;

class CardCheckTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2031-01-01T00:00:00Z");

    /** RSA 3072 takes a moment: both CAs and the keys are made once per class; all of them are immutable. */
    private static final CertificateAuthority CA = CertificateAuthority.generate(NOW);
    private static final CertificateAuthority ANOTHER_CA = CertificateAuthority.generate(NOW);
    private static final KeyPair CARD = CardKeys.generate();
    private static final KeyPair ANOTHER_KEY = CardKeys.generate();
    private static final X509Certificate CARD_CERTIFICATE = aCardCertificateFrom(CA, NOT_BEFORE, NOT_AFTER);

    @Test
    void aCardOfTheTestCaWithinItsValidityAndNotRevokedPasses() {
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.OK);
    }

    @Test
    void aSignatureMadeOutsideTheSimulatorVerifies() throws Exception {
        byte[] challenge = "challenge posted by an integrator".getBytes(StandardCharsets.UTF_8);

        Result result = CardCheck.verify(challenge, sign(CARD.getPrivate(), challenge), CARD_CERTIFICATE,
                CA.certificate(), NOW, false);

        assertThat(result).isEqualTo(Result.OK);
    }

    @Test
    void aSignatureByAnotherKeyIsInvalid() {
        assertThat(CardCheck.check(ANOTHER_KEY.getPrivate(), CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.SIGNATURE_INVALID);
    }

    @Test
    void aTamperedChallengeFails() throws Exception {
        byte[] challenge = new byte[32];
        byte[] signature = sign(CARD.getPrivate(), challenge);
        byte[] tampered = challenge.clone();
        tampered[7] ^= 1;

        assertThat(CardCheck.verify(tampered, signature, CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.SIGNATURE_INVALID);
    }

    @Test
    void aTamperedSignatureFails() throws Exception {
        byte[] challenge = new byte[32];
        byte[] signature = sign(CARD.getPrivate(), challenge);
        signature[signature.length - 1] ^= 1;

        assertThat(CardCheck.verify(challenge, signature, CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.SIGNATURE_INVALID);
    }

    @Test
    void aMissingOrMalformedSignatureIsInvalidNotAnError() throws Exception {
        byte[] challenge = new byte[32];
        byte[] truncated = Arrays.copyOf(sign(CARD.getPrivate(), challenge), 100);

        assertThat(CardCheck.verify(challenge, null, CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.SIGNATURE_INVALID);
        assertThat(CardCheck.verify(challenge, new byte[0], CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.SIGNATURE_INVALID);
        assertThat(CardCheck.verify(challenge, truncated, CARD_CERTIFICATE, CA.certificate(), NOW, false))
                .isEqualTo(Result.SIGNATURE_INVALID);
        assertThat(CardCheck.verify(null, sign(CARD.getPrivate(), challenge), CARD_CERTIFICATE, CA.certificate(),
                NOW, false)).isEqualTo(Result.SIGNATURE_INVALID);
    }

    @Test
    void aCertificateFromAnotherCaWithTheSameNameDoesNotChain() {
        X509Certificate foreign = aCardCertificateFrom(ANOTHER_CA, NOT_BEFORE, NOT_AFTER);

        assertThat(foreign.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
        assertThat(CardCheck.check(CARD.getPrivate(), foreign, CA.certificate(), NOW, false))
                .isEqualTo(Result.CHAIN_INVALID);
    }

    @Test
    void aCertificateSignedByTheCaKeyButNamingAnotherIssuerDoesNotChain() throws Exception {
        X509Certificate misnamed = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(new X500Name("CN=Someone Else"), BigInteger.TEN,
                        Date.from(NOT_BEFORE), Date.from(NOT_AFTER), new X500Name("CN=CARD-0001"), CARD.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(CA.privateKey())));

        assertThat(CardCheck.check(CARD.getPrivate(), misnamed, CA.certificate(), NOW, false))
                .isEqualTo(Result.CHAIN_INVALID);
    }

    @Test
    void aCertificateIsExpiredAfterItsLastValidInstant() {
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(), NOT_AFTER, false))
                .isEqualTo(Result.OK);
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(),
                NOT_AFTER.plusSeconds(1), false)).isEqualTo(Result.EXPIRED);
    }

    @Test
    void aCertificateIsNotYetValidBeforeItsFirstValidInstant() {
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(), NOT_BEFORE, false))
                .isEqualTo(Result.OK);
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(),
                NOT_BEFORE.minusSeconds(1), false)).isEqualTo(Result.NOT_YET_VALID);
    }

    @Test
    void validityIsJudgedAtTheGivenInstantNotTheSystemClock() {
        Instant longAgo = Instant.parse("2001-06-01T00:00:00Z");
        X509Certificate expiredLongAgo = aCardCertificateFrom(CA, longAgo, longAgo.plus(Duration.ofDays(30)));

        assertThat(CardCheck.check(CARD.getPrivate(), expiredLongAgo, CA.certificate(),
                longAgo.plus(Duration.ofDays(1)), false)).isEqualTo(Result.OK);
    }

    @Test
    void aRevokedCertificateFails() {
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(), NOW, true))
                .isEqualTo(Result.REVOKED);
    }

    @Test
    void theFirstFailingCheckDecides() {
        X509Certificate foreign = aCardCertificateFrom(ANOTHER_CA, NOT_BEFORE, NOT_AFTER);
        Instant expired = NOT_AFTER.plusSeconds(1);

        assertThat(CardCheck.check(ANOTHER_KEY.getPrivate(), foreign, CA.certificate(), expired, true))
                .isEqualTo(Result.SIGNATURE_INVALID);
        assertThat(CardCheck.check(CARD.getPrivate(), foreign, CA.certificate(), expired, true))
                .isEqualTo(Result.CHAIN_INVALID);
        assertThat(CardCheck.check(CARD.getPrivate(), CARD_CERTIFICATE, CA.certificate(), expired, true))
                .isEqualTo(Result.EXPIRED);
    }

    @Test
    void everyResultTellsTheTesterWhatHappenedInJapanese() {
        assertThat(Result.EXPIRED.messageJa()).isEqualTo("利用者証明用電子証明書の有効期限が切れています");
        assertThat(Result.REVOKED.messageJa()).isEqualTo("利用者証明用電子証明書は失効しています");
        assertThat(Arrays.stream(Result.values()).map(Result::messageJa).distinct()).hasSize(Result.values().length);
        assertThat(Arrays.stream(Result.values()).map(Result::message).distinct()).hasSize(Result.values().length);
    }

    private static X509Certificate aCardCertificateFrom(CertificateAuthority ca, Instant notBefore, Instant notAfter) {
        return ca.issueCardCertificate(CARD.getPublic(), "CARD-0001", notBefore, notAfter);
    }

    private static byte[] sign(PrivateKey key, byte[] challenge) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(challenge);
        return signer.sign();
    }
}
