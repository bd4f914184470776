package dev.jvtpm.engine.object.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.Kdf;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.object.protect.CredentialBlob;
import dev.jvtpm.engine.object.protect.PrivateBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.validation.KeyChecks;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.testing.KatFile;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PrimaryDerivation.Version#V1} against swtpm 0.7.1 / libtpms 0.9.2 as the oracle
 * (kat/derivation/generate-swtpm.py): from the hierarchy seeds read out of swtpm's state, every
 * primary object swtpm created must come out with the same public area, and the private blobs
 * swtpm produced with TPM2_Create under some of them must open with the derived parents' seeds.
 */
class SwtpmPrimaryKatTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final KatFile KAT = KatFile.load("kat/derivation/swtpm-libtpms-0.9.2.properties");
    static final HexFormat HEX = HexFormat.of();

    static Stream<String> primaries() {
        return Stream.of(
                "owner.rsa2048.storage", "owner.rsa2048.sign.unique", "owner.rsa2048.sign.e65539",
                "owner.rsa3072.sign.sha384", "owner.rsa2048.storage.data", "owner.rsa2048.storage.auth",
                "owner.rsa2048.storage.sha1", "owner.ecc256.storage", "owner.ecc256.storage.outside",
                "owner.ecc256.sign.unique", "owner.ecc384.sign", "owner.ecc521.sign", "owner.hmac.sha256",
                "owner.hmac.sha512.userkey", "owner.sealed", "owner.aes128cfb", "owner.aes256cfb.storage",
                "owner.aes128cfb.userkey", "owner.aes128cfb.unique", "endorsement.ek.rsa2048", "endorsement.ek.ecc256",
                "endorsement.ecc256.storage", "endorsement.hmac.sha256", "platform.ecc256.sign");
    }

    static PublicArea pub(byte[] b) throws Exception {
        return PublicArea.read(new TpmReader(b), false);
    }

    static CreatedObject derive(String label) throws Exception {
        PublicArea template = pub(KAT.bytes(label + ".template"));
        byte[] auth = ObjectValidation.adjustAuthSize(KAT.bytes(label + ".userAuth"), template.nameHash());
        SensitiveCreate sc = new SensitiveCreate(auth, KAT.bytes(label + ".data"));
        String h = KAT.string(label + ".hierarchy");
        byte[] seed = KAT.bytes(h.equals("o") ? "seed.owner" : h.equals("e") ? "seed.endorsement" : "seed.platform");
        List<byte[]> proofs = h.equals("e") ? List.of(KAT.bytes("proof.owner"), KAT.bytes("proof.endorsement")) : List.of();
        return new PrimaryDerivation(SUITE).derive(PrimaryDerivation.Version.V1, seed, template, sc, proofs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primaries")
    void derivedPublicAreaIsSwtpms(String label) throws Exception {
        CreatedObject o = derive(label);
        assertThat(HEX.formatHex(o.publicArea().toBytes())).isEqualTo(KAT.string(label + ".public"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("children")
    void swtpmPrivateBlobsOpenWithTheDerivedParentSeed(String child) throws Exception {
        CreatedObject parent = derive(KAT.string(child + ".parent"));
        PublicArea childPublic = pub(KAT.bytes(child + ".public"));
        byte[] name = ObjectName.of(SUITE, childPublic);
        SensitiveArea s = new PrivateBlob(SUITE).unwrap(Protector.ofParent(parent.publicArea(), parent.sensitive()), name,
                KAT.bytes(child + ".private"));
        // The unwrapped key must be the one the public area commits to.
        new KeyChecks(SUITE).check(childPublic, s, 2, 1);
        assertThat(s.authValue()).hasSize(childPublic.nameHash().digestSize());
    }

    static Stream<String> children() {
        return Stream.of("owner.rsa2048.storage/ecc256.sign", "owner.rsa2048.storage/sealed",
                "endorsement.ecc256.storage/hmac", "owner.aes256cfb.storage/sealed");
    }

    /**
     * TPM2_MakeCredential on swtpm with the EK as key: the seed recovered with the derived EK's
     * private key (RSA-OAEP or ECDH + KDFe with label "IDENTITY", done here with JCA and
     * BouncyCastle as test oracles) opens swtpm's credential blob.
     */
    @Test
    void swtpmCredentialBlobsOpenWithTheDerivedEk() throws Exception {
        CredentialBlob blobs = new CredentialBlob(SUITE);
        CreatedObject rsaEk = derive("endorsement.ek.rsa2048");
        BigInteger n = new BigInteger(1, ((PublicId.Rsa) rsaEk.publicArea().unique()).modulus());
        BigInteger p = new BigInteger(1, rsaEk.sensitive().sensitive());
        byte[] rsaSeed = oaepDecrypt(n, p, KAT.bytes("credential.ek.rsa2048.secret"));
        assertThat(blobs.unwrap(Protector.ofSeed(rsaSeed, rsaEk.publicArea()), KAT.bytes("credential.ek.rsa2048.objectName"),
                KAT.bytes("credential.ek.rsa2048.blob"))).isEqualTo(KAT.bytes("credential.ek.rsa2048.value"));

        CreatedObject eccEk = derive("endorsement.ek.ecc256");
        EccPoint ephemeral = EccPoint.read(new TpmReader(KAT.bytes("credential.ek.ecc256.secret")));
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        byte[] z = curve.getCurve().createPoint(new BigInteger(1, ephemeral.x()), new BigInteger(1, ephemeral.y()))
                .multiply(new BigInteger(1, eccEk.sensitive().sensitive())).normalize().getAffineXCoord().getEncoded();
        byte[] eccSeed = new Kdf(SUITE.digests()).kdfe(HashAlg.SHA256, z, "IDENTITY", ephemeral.x(),
                ((PublicId.Ecc) eccEk.publicArea().unique()).point().x(), 256);
        assertThat(blobs.unwrap(Protector.ofSeed(eccSeed, eccEk.publicArea()), KAT.bytes("credential.ek.ecc256.objectName"),
                KAT.bytes("credential.ek.ecc256.blob"))).isEqualTo(KAT.bytes("credential.ek.ecc256.value"));
    }

    static byte[] oaepDecrypt(BigInteger n, BigInteger p, byte[] secret) throws Exception {
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger q = n.divide(p);
        BigInteger d = e.modInverse(p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE)));
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)),
                d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p));
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(spec), new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, new PSource.PSpecified("IDENTITY\0".getBytes(StandardCharsets.US_ASCII))));
        return c.doFinal(secret);
    }

    @Test
    void outsideInfoDoesNotTakePartInTheDerivation() {
        assertThat(KAT.string("owner.ecc256.storage.outside.public")).isEqualTo(KAT.string("owner.ecc256.storage.public"));
    }
}
