package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final Instant CARD_NOT_BEFORE = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant CARD_NOT_AFTER = Instant.parse("2031-04-01T00:00:00Z");

    /** RSA 3072 takes a moment: one CA and one card key pair for the whole class; both are immutable. */
    private static final CertificateAuthority CA = CertificateAuthority.generate(NOW);
    private static final KeyPair CARD_KEYS = CardKeys.generate();

    private static final String BASIC_CONSTRAINTS = Extension.basicConstraints.getId();
    private static final String KEY_USAGE = Extension.keyUsage.getId();

    @Test
    void theCaCertificateIsACriticallyMarkedCa() {
        X509Certificate ca = CA.certificate();

        assertThat(ca.getVersion()).isEqualTo(3);
        assertThat(ca.getBasicConstraints()).as("path length, -1 when not a CA").isGreaterThanOrEqualTo(0);
        assertThat(ca.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        boolean[] keyUsage = ca.getKeyUsage();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        assertThat(keyUsage[6]).as("cRLSign").isTrue();
        assertThat(keyUsage[0]).as("digitalSignature").isFalse();
        assertThat(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    }

    @Test
    void theCaCertificateIsSelfSignedAndVerifiesWithItsOwnKey() {
        X509Certificate ca = CA.certificate();

        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=mynasim Test CA,O=mynasim,C=JP");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThatCode(() -> ca.verify(ca.getPublicKey())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ca.verify(CARD_KEYS.getPublic())).isInstanceOf(Exception.class);
        assertThat(ca.getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
    }

    @Test
    void theCaKeyIsRsa3072() {
        assertThat(((RSAPublicKey) CA.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void theCaIsValidFromADayBeforeNowForTwentyYears() {
        X509Certificate ca = CA.certificate();

        assertThat(ca.getNotBefore()).isEqualTo(Date.from(Instant.parse("2026-03-31T09:00:00Z")));
        assertThat(ca.getNotAfter()).isEqualTo(Date.from(Instant.parse("2046-04-01T09:00:00Z")));
    }

    @Test
    void serialsArePositive128BitNumbers() {
        X509Certificate first = aCardCertificate("CARD-0001");
        X509Certificate second = aCardCertificate("CARD-0001");

        assertThat(CA.certificate().getSerialNumber().signum()).isPositive();
        assertThat(CA.certificate().getSerialNumber().bitLength()).isEqualTo(128);
        assertThat(first.getSerialNumber().signum()).isPositive();
        assertThat(first.getSerialNumber().bitLength()).isEqualTo(128);
        assertThat(first.getSerialNumber()).isNotEqualTo(second.getSerialNumber());
    }

    @Test
    void restoreRefusesAKeyThatIsNotTheCertificates() {
        PrivateKey otherKey = CARD_KEYS.getPrivate();

        assertThatThrownBy(() -> CertificateAuthority.restore(CA.certificate(), otherKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void aCaRestoredFromDerAndPkcs8IssuesCertificatesTheOriginalCaCertificateVerifies() throws Exception {
        X509Certificate storedCertificate = CertificateAuthority.certificate(CertificateAuthority.der(CA.certificate()));
        PrivateKey storedKey = CertificateAuthority.decodeRsaPrivateKey(
                CertificateAuthority.encodePrivateKey(CA.privateKey()));

        CertificateAuthority restored = CertificateAuthority.restore(storedCertificate, storedKey);
        X509Certificate card = restored.issueCardCertificate(CARD_KEYS.getPublic(), "CARD-0002", CARD_NOT_BEFORE,
                CARD_NOT_AFTER);

        assertThat(restored.certificate()).isEqualTo(CA.certificate());
        assertThatCode(() -> card.verify(CA.certificate().getPublicKey())).doesNotThrowAnyException();
    }

    @Test
    void theCaCertificatePemParsesBackToTheSameCertificate() {
        String pem = CA.certificatePem();

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
        assertThat(CertificateAuthority.certificate(pem.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(CA.certificate());
    }

    @Test
    void aCardCertificateChainsToTheCa() {
        X509Certificate card = aCardCertificate("CARD-0003");

        assertThat(card.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
        assertThatCode(() -> card.verify(CA.certificate().getPublicKey())).doesNotThrowAnyException();
        assertThat(card.getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
        assertThat(card.getPublicKey()).isEqualTo(CARD_KEYS.getPublic());
        assertThat(card.getNotBefore()).isEqualTo(Date.from(CARD_NOT_BEFORE));
        assertThat(card.getNotAfter()).isEqualTo(Date.from(CARD_NOT_AFTER));
    }

    @Test
    void aCardCertificateSubjectHoldsOnlyTheSerialAndNoPersonalData() {
        X509Certificate card = aCardCertificate("CARD-0004");

        assertThat(card.getSubjectX500Principal().getName()).isEqualTo("CN=CARD-0004,O=mynasim,C=JP");
        assertThat(attributeTypes(card)).containsExactly(BCStyle.C.getId(), BCStyle.O.getId(), BCStyle.CN.getId());
        assertThat(card.getExtensionValue(Extension.subjectAlternativeName.getId())).isNull();
        assertThat(card.getExtensionValue(Extension.subjectDirectoryAttributes.getId())).isNull();
    }

    @Test
    void aSerialWithDistinguishedNameSyntaxStaysOneCommonName() {
        X509Certificate card = aCardCertificate("x, O=evil");

        assertThat(attributeTypes(card)).containsExactly(BCStyle.C.getId(), BCStyle.O.getId(), BCStyle.CN.getId());
        X500Name subject = X500Name.getInstance(card.getSubjectX500Principal().getEncoded());
        assertThat(((ASN1String) subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()).getString())
                .isEqualTo("x, O=evil");
        assertThat(((ASN1String) subject.getRDNs(BCStyle.O)[0].getFirst().getValue()).getString())
                .isEqualTo("mynasim");
    }

    @Test
    void aCardCertificateMayOnlySignAndIsNoCa() {
        X509Certificate card = aCardCertificate("CARD-0005");

        boolean[] keyUsage = card.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(Arrays.copyOfRange(keyUsage, 1, keyUsage.length)).doesNotContain(true);
        assertThat(card.getCriticalExtensionOIDs()).contains(KEY_USAGE);
        assertThat(card.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void aCardCertificateNamesTheCaKeyAndItsOwnKey() {
        X509Certificate card = aCardCertificate("CARD-0006");

        byte[] caKeyId = SubjectKeyIdentifier.getInstance(
                extension(CA.certificate(), Extension.subjectKeyIdentifier)).getKeyIdentifier();
        byte[] authorityKeyId = AuthorityKeyIdentifier.getInstance(
                extension(card, Extension.authorityKeyIdentifier)).getKeyIdentifierObject().getOctets();
        byte[] cardKeyId = SubjectKeyIdentifier.getInstance(
                extension(card, Extension.subjectKeyIdentifier)).getKeyIdentifier();

        assertThat(authorityKeyId).isEqualTo(caKeyId);
        assertThat(cardKeyId).isNotEmpty().isNotEqualTo(caKeyId);
    }

    @Test
    void aCardCertificateNeedsASerialAndAValidityThatEndsAfterItStarts() {
        assertThatThrownBy(() -> CA.issueCardCertificate(CARD_KEYS.getPublic(), " ", CARD_NOT_BEFORE, CARD_NOT_AFTER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CA.issueCardCertificate(CARD_KEYS.getPublic(), "CARD-0007", CARD_NOT_AFTER,
                CARD_NOT_BEFORE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derRoundTripGivesTheSameCertificate() {
        X509Certificate card = aCardCertificate("CARD-0008");

        byte[] der = CertificateAuthority.der(card);

        assertThat(CertificateAuthority.certificate(der)).isEqualTo(card);
        assertThatThrownBy(() -> CertificateAuthority.certificate(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pkcs8RoundTripGivesAKeyThatStillSignsForTheCertificate() throws Exception {
        byte[] pkcs8 = CertificateAuthority.encodePrivateKey(CARD_KEYS.getPrivate());
        PrivateKey decoded = CertificateAuthority.decodeRsaPrivateKey(pkcs8);

        assertThat(decoded.getEncoded()).isEqualTo(pkcs8);
        byte[] message = "challenge".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(decoded);
        signer.update(message);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(CARD_KEYS.getPublic());
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
        assertThatThrownBy(() -> CertificateAuthority.decodeRsaPrivateKey(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static X509Certificate aCardCertificate(String serial) {
        return CA.issueCardCertificate(CARD_KEYS.getPublic(), serial, CARD_NOT_BEFORE, CARD_NOT_AFTER);
    }

    private static String[] attributeTypes(X509Certificate certificate) {
        return Arrays.stream(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs())
                .flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
                .map(typeAndValue -> typeAndValue.getType().getId())
                .toArray(String[]::new);
    }

    private static byte[] extension(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        byte[] value = certificate.getExtensionValue(oid.getId());
        assertThat(value).as("extension " + oid).isNotNull();
        return ASN1OctetString.getInstance(value).getOctets();
    }
}
