package dev.mynasim.auth.card;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * The server side of the card step of 本人確認 (DESIGN.md 4): a real signature over a fresh challenge, checked against
 * the card certificate, its chain to the test CA, its validity dates and revocation, never a flag that says "ok".
 * Time is the injected instant, never the system clock, so tests and the skip rule see the same "now".
 */
public final class CardCheck {

    static final int CHALLENGE_BYTES = 32;
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome, with the message the card step shows; the first failing check wins, in declaration order. */
    public enum Result {
        OK("The card was verified", "本人確認に成功しました"),
        SIGNATURE_INVALID("The signature does not verify with the card certificate",
                "電子署名を検証できませんでした"),
        CHAIN_INVALID("The card certificate was not issued by the simulator's test CA",
                "利用者証明用電子証明書は認証局によって発行されたものではありません"),
        NOT_YET_VALID("The card certificate is not valid yet",
                "利用者証明用電子証明書の有効期間が始まっていません"),
        EXPIRED("The card certificate has expired", "利用者証明用電子証明書の有効期限が切れています"),
        REVOKED("The card certificate has been revoked", "利用者証明用電子証明書は失効しています");

        private final String message;
        private final String messageJa;

        Result(String message, String messageJa) {
            this.message = message;
            this.messageJa = messageJa;
        }

        public String message() {
            return message;
        }

        public String messageJa() {
            return messageJa;
        }
    }

    private CardCheck() {
    }

    /** Plays both sides for a virtual card: draws a 32-byte challenge, signs it with the card key, verifies. */
    public static Result check(PrivateKey cardKey, X509Certificate cardCertificate, X509Certificate caCertificate,
            Instant now, boolean revoked) {
        Objects.requireNonNull(cardKey, "cardKey");
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(cardKey);
            signer.update(challenge);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the card key cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
        return verify(challenge, signature, cardCertificate, caCertificate, now, revoked);
    }

    /**
     * Checks a SHA256withRSA signature over a challenge, then the certificate: the signature, the chain to the CA
     * (signature and issuer name), the validity at {@code now}, revocation. Public for signatures made outside the
     * simulator; a missing or malformed signature is {@link Result#SIGNATURE_INVALID}, not an exception.
     */
    public static Result verify(byte[] challenge, byte[] signature, X509Certificate cardCertificate,
            X509Certificate caCertificate, Instant now, boolean revoked) {
        Objects.requireNonNull(cardCertificate, "cardCertificate");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(now, "now");
        if (!signatureVerifies(challenge, signature, cardCertificate)) {
            return Result.SIGNATURE_INVALID;
        }
        if (!issuedBy(cardCertificate, caCertificate)) {
            return Result.CHAIN_INVALID;
        }
        try {
            cardCertificate.checkValidity(Date.from(now));
        } catch (CertificateNotYetValidException e) {
            return Result.NOT_YET_VALID;
        } catch (CertificateExpiredException e) {
            return Result.EXPIRED;
        }
        return revoked ? Result.REVOKED : Result.OK;
    }

    private static boolean signatureVerifies(byte[] challenge, byte[] signature, X509Certificate cardCertificate) {
        if (challenge == null || signature == null || signature.length == 0) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(cardCertificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** One link is the whole chain here: the test CA issues card certificates directly. */
    private static boolean issuedBy(X509Certificate cardCertificate, X509Certificate caCertificate) {
        if (!cardCertificate.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            cardCertificate.verify(caCertificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
