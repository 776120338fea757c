package dev.mynasim.auth.tls;

import dev.mynasim.registry.api.RuleViolation;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A PKCS#10 certificate signing request (RFC 2986) in PEM, as {@code openssl req -new} writes it. Only its public key
 * is used, after its self-signature proved the sender holds the private key; the subject it asks for is ignored (the
 * client CA names the certificate after the client id).
 */
public final class SigningRequest {

    static final int MAX_LENGTH = 16_384;
    static final int MIN_RSA_BITS = 2048;
    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

    private SigningRequest() {
    }

    /** The request's public key: RSA of at least 2048 bits, or EC (P-256, P-384, P-521). */
    public static PublicKey publicKey(String field, String pem) {
        RuleViolation.required(field, pem);
        if (pem.length() > MAX_LENGTH) {
            throw invalid(field, "csr-format", "is longer than " + MAX_LENGTH + " characters",
                    MAX_LENGTH + " 文字を超えています");
        }
        Object read;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            read = parser.readObject();
        } catch (IOException | RuntimeException e) {
            read = null;
        }
        if (!(read instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest parsed)) {
            throw invalid(field, "csr-format", "is not a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)",
                    "PEM 形式の証明書署名要求 (-----BEGIN CERTIFICATE REQUEST-----) ではありません");
        }
        JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(parsed).setProvider(BOUNCY_CASTLE);
        PublicKey key;
        try {
            key = request.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE)
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw invalid(field, "csr-signature", "is not signed with the key it carries (RFC 2986 §3)",
                        "含まれる公開鍵に対応する秘密鍵で署名されていません (RFC 2986 §3)");
            }
        } catch (OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            throw invalid(field, "csr-signature", "cannot be checked: " + e.getMessage(), "の署名を検証できません");
        }
        return acceptable(field, key);
    }

    /** RSA keys of at least 2048 bits and EC keys; RFC 8705 does not care, TLS stacks and the CA/B rules do. */
    static PublicKey acceptable(String field, PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS) {
            return key;
        }
        if (key instanceof ECPublicKey) {
            return key;
        }
        throw invalid(field, "csr-key", "must carry an RSA key of at least " + MIN_RSA_BITS + " bits or an EC key",
                "の鍵は " + MIN_RSA_BITS + " ビット以上の RSA 鍵か EC 鍵にしてください");
    }

    private static RuleViolation invalid(String field, String rule, String en, String ja) {
        return RuleViolation.invalid(field, rule, field + " " + en, field + " " + ja);
    }
}
