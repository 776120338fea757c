package dev.mynasim.auth.card;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's test CA, which issues the 利用者証明用電子証明書 of every virtual card (DESIGN.md 2, 4).
 * It is a test CA on purpose: nothing it signs is trusted outside the simulator.
 *
 * <p>BouncyCastle is handed over as a provider instance and never registered with {@code Security.addProvider},
 * so the application server's provider list stays as it was.
 */
public final class CertificateAuthority {

    static final int KEY_SIZE = 3072;
    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ORGANIZATION = "mynasim";
    private static final String COUNTRY = "JP";

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /**
     * A new CA: RSA 3072, self-signed, valid from a day before {@code now} (tolerates clock skew between hosts) for
     * 20 years, so a simulator installation never sees its CA expire.
     */
    public static CertificateAuthority generate(Instant now) {
        return generate(now, "mynasim Test CA");
    }

    /** The same with another name: the client CA that issues TLS client certificates is made this way. */
    public static CertificateAuthority generate(Instant now, String commonName) {
        Objects.requireNonNull(now, "now");
        KeyPair keys = rsaKeyPair(KEY_SIZE);
        X500Name subject = name(commonName);
        Instant notAfter = now.atZone(ZoneOffset.UTC).plusYears(20).toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the test CA", e);
        }
    }

    /**
     * The CA again from its stored certificate and key; refuses a key that does not belong to the certificate, which
     * would otherwise only show later as card certificates that never verify.
     */
    public static CertificateAuthority restore(X509Certificate certificate, PrivateKey key) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        if (!belongTogether(key, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the private key does not match the CA certificate's public key");
        }
        return new CertificateAuthority(certificate, key);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The CA certificate as PEM, for integrators who want to check card certificates themselves. */
    public String certificatePem() {
        return pem(certificate);
    }

    /**
     * A card's 利用者証明用電子証明書. Like the real one, the subject carries only the card serial and no personal
     * data (no name, address or individual number); key usage is digitalSignature only, as the card key exists to sign
     * the verification challenge.
     */
    public X509Certificate issueCardCertificate(PublicKey cardKey, String cardSerial, Instant notBefore,
            Instant notAfter) {
        Objects.requireNonNull(cardKey, "cardKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (cardSerial == null || cardSerial.isBlank()) {
            throw new IllegalArgumentException("a card certificate needs the card serial");
        }
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore must be before notAfter");
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, randomSerial(),
                    Date.from(notBefore), Date.from(notAfter), name(cardSerial), cardKey)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(extensions))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(cardKey));
            return sign(builder, privateKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the card certificate", e);
        }
    }

    /**
     * A TLS client certificate (RFC 8705 §2) for a Web service: {@code CN=<client id>, OU=<environment>, O=mynasim,
     * C=JP}, key usage digitalSignature and extended key usage clientAuth (RFC 5280 §4.2.1.12), so a TLS stack uses it
     * for client authentication and nothing else.
     */
    public X509Certificate issueClientCertificate(PublicKey clientKey, String commonName, String unit,
            Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(clientKey, "clientKey");
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore must be before notAfter");
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, ORGANIZATION).addRDN(BCStyle.OU, unit).addRDN(BCStyle.CN, commonName).build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, randomSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, clientKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(extensions))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(clientKey));
            return sign(builder, privateKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the client certificate", e);
        }
    }

    /** Any X.509 object (certificate, key, request) as PEM. */
    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), which OpenSSL, curl and Java all read. */
    public static String privateKeyPem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(encodePrivateKey(key))
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The DER encoding, the form certificates are stored in. */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    /** Parses a DER (or PEM) certificate with the JDK's X.509 factory. */
    public static X509Certificate certificate(byte[] der) {
        Objects.requireNonNull(der, "der");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** PKCS#8, the form private keys are sealed in (see {@link SealedBox}). */
    public static byte[] encodePrivateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("the private key has no PKCS#8 encoding: " + key.getFormat());
        }
        return key.getEncoded();
    }

    public static PrivateKey decodeRsaPrivateKey(byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    /**
     * {@code CN=<common name>, O=mynasim, C=JP}, built attribute by attribute so that a serial containing {@code ,} or
     * {@code =} stays one CN value; encoded C, O, CN (most significant first) so that {@code X500Principal.getName()}
     * reads exactly as written here.
     */
    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** The CA's own subject key identifier, so path builders link card and CA by it (RFC 5280 §4.2.1.1). */
    private AuthorityKeyIdentifier authorityKeyIdentifier(JcaX509ExtensionUtils extensions) {
        byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension == null) {
            return extensions.createAuthorityKeyIdentifier(certificate.getPublicKey());
        }
        byte[] keyIdentifier = SubjectKeyIdentifier
                .getInstance(ASN1OctetString.getInstance(extension).getOctets()).getKeyIdentifier();
        return new AuthorityKeyIdentifier(keyIdentifier);
    }

    /** Positive and 128 bits long: RFC 5280 §4.1.2.2 wants positive serials, CA/B rules want at least 64 random bits. */
    private static BigInteger randomSerial() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BOUNCY_CASTLE).build(key);
            return new JcaX509CertificateConverter().setProvider(BOUNCY_CASTLE).getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair rsaKeyPair(int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every Java platform", e);
        }
    }

    /** Signs a probe with the private key and checks it with the public one: works for any RSA key encoding. */
    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        byte[] probe = "mynasim CA key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
