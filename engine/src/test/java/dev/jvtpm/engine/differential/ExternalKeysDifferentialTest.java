package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.KdfScheme;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The asymmetric and symmetric primitives against swtpm 0.7.1 with the same keys on both sides
 * (TPM2_LoadExternal of one software key into TPM_RH_NULL), so that every deterministic output
 * must be byte for byte swtpm's: Names, RSASSA signatures, RSA decryption (OAEP, RSAES, raw),
 * raw RSA encryption, ECDH Z points, HMACs and HMAC sequences, EncryptDecrypt(2) data and ivOut in
 * every mode, ECC_Parameters; randomised outputs (PSS and ECDSA signatures, OAEP/RSAES
 * encryption, ECDH_KeyGen) are checked by having each TPM verify or decrypt the other's; every
 * error response is compared byte for byte.
 */
class ExternalKeysDifferentialTest extends DifferentialFixture {
    static final byte[] NONE = new byte[0];
    static final HexFormat HEX = HexFormat.of();
    /** Deterministic per JDK, so failures reproduce. */
    static SecureRandom random() throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(0x6a7674706dL);
        return r;
    }

    static byte[] unsigned(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(b.length, len);
        System.arraycopy(b, b.length - n, out, len - n, n);
        return out;
    }

    /** LoadExternal of the same key on both: identical responses (handle and Name). */
    private int load(String what, PublicArea p, SensitiveArea s, int hierarchy) {
        Differential.Pair r = d.same(what + ": LoadExternal",
                ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(s), ObjectCommands.publicSized(p), hierarchy));
        assertThat(r.subjectRc()).as(what).isZero();
        return DifferentialTestSupport.handle(r.subject());
    }

    static final int SIGN_DECRYPT = ObjectAttributes.SIGN | ObjectAttributes.DECRYPT | ObjectAttributes.USER_WITH_AUTH
            | ObjectAttributes.NO_DA;

    @Test
    void rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random());
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
        PublicArea pub = new PublicArea(TpmAlgId.RSA, TpmAlgId.SHA256, SIGN_DECRYPT, NONE,
                new PublicParms.Rsa(SymDefObject.NULL, Scheme.NULL, 2048, 0),
                new PublicId.Rsa(unsigned(k.getModulus(), 256)));
        SensitiveArea sens = new SensitiveArea(TpmAlgId.RSA, "pw".getBytes(), NONE, unsigned(k.getPrimeP(), 128));
        int key = load("RSA-2048", pub, sens, TpmHandles.RH_NULL);
        d.same("ReadPublic", ObjectCommands.readPublic(key));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("message".getBytes());
        byte[] pw = "pw".getBytes();
        // RSASSA is deterministic.
        for (int hash : new int[] {TpmAlgId.SHA1, TpmAlgId.SHA256, TpmAlgId.SHA384, TpmAlgId.SHA512}) {
            byte[] dg = new byte[HashAlg.fromId(hash).digestSize()];
            Arrays.fill(dg, (byte) hash);
            d.same("RSASSA " + hash, ObjectCommands.sign(key, pw, dg, ObjectCommands.scheme(TpmAlgId.RSASSA, hash),
                    ObjectCommands.nullHashcheck()));
        }
        // RSAPSS is randomised: each verifies the other's.
        Differential.Pair pss = d.sameCode("RSAPSS", ObjectCommands.sign(key, pw, digest,
                ObjectCommands.scheme(TpmAlgId.RSAPSS, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
        crossVerify("RSAPSS", key, digest, pss);
        // Sign errors.
        d.same("Sign without a scheme", ObjectCommands.sign(key, pw, digest, ObjectCommands.scheme(TpmAlgId.NULL, 0),
                ObjectCommands.nullHashcheck()));
        d.same("Sign with ECDSA", ObjectCommands.sign(key, pw, digest, ObjectCommands.scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256),
                ObjectCommands.nullHashcheck()));
        d.same("Sign with HMAC", ObjectCommands.sign(key, pw, digest, ObjectCommands.scheme(TpmAlgId.HMAC, TpmAlgId.SHA256),
                ObjectCommands.nullHashcheck()));
        d.same("Sign with a short digest", ObjectCommands.sign(key, pw, Arrays.copyOf(digest, 31),
                ObjectCommands.scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
        d.same("Sign with a foreign ticket", ObjectCommands.sign(key, pw, digest,
                ObjectCommands.scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256),
                new TpmWriter().u16(0x8024).u32(TpmHandles.RH_OWNER).tpm2b(new byte[64]).toByteArray()));
        d.same("Sign with a wrong password", ObjectCommands.sign(key, "px".getBytes(), digest,
                ObjectCommands.scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
        // VerifySignature errors.
        byte[] good = sigBytes(d.subject().send(ObjectCommands.sign(key, pw, digest,
                ObjectCommands.scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck())));
        d.same("VerifySignature", ObjectCommands.verifySignature(key, digest, good));
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 1;
        d.same("VerifySignature of a bad signature", ObjectCommands.verifySignature(key, digest, bad));
        d.same("VerifySignature of a short signature", ObjectCommands.verifySignature(key, digest,
                new TpmWriter().u16(TpmAlgId.RSASSA).u16(TpmAlgId.SHA256).tpm2b(new byte[255]).toByteArray()));
        d.same("VerifySignature with an ECDSA signature", ObjectCommands.verifySignature(key, digest,
                new TpmWriter().u16(TpmAlgId.ECDSA).u16(TpmAlgId.SHA256).tpm2b(new byte[32]).tpm2b(new byte[32]).toByteArray()));
        d.same("VerifySignature with a wrong-size digest", ObjectCommands.verifySignature(key, Arrays.copyOf(digest, 20), good));
        // Decryption is deterministic; encryption with padding is randomised.
        for (int[] s : new int[][] {{TpmAlgId.OAEP, TpmAlgId.SHA256}, {TpmAlgId.OAEP, TpmAlgId.SHA1}, {TpmAlgId.RSAES, 0}}) {
            byte[] label = s[0] == TpmAlgId.OAEP ? "label\0".getBytes() : NONE;
            Differential.Pair enc = d.sameCode("RSA_Encrypt " + s[0], ObjectCommands.rsaEncrypt(key, "hello".getBytes(),
                    ObjectCommands.scheme(s[0], s[1]), label));
            for (byte[] rsp : new byte[][] {enc.reference(), enc.subject()}) {
                byte[] ct = DifferentialTestSupport.params(rsp, false).tpm2b(512);
                Differential.Pair dec = d.same("RSA_Decrypt " + s[0], ObjectCommands.rsaDecrypt(key, pw, ct,
                        ObjectCommands.scheme(s[0], s[1]), label));
                assertThat(DifferentialTestSupport.params(dec.subject(), false).tpm2b(512)).isEqualTo("hello".getBytes());
                d.same("RSA_Decrypt with another label", ObjectCommands.rsaDecrypt(key, pw, ct, ObjectCommands.scheme(s[0], s[1]),
                        "other\0".getBytes()));
                byte[] flipped = ct.clone();
                flipped[5] ^= 1;
                d.same("RSA_Decrypt of a corrupted ciphertext", ObjectCommands.rsaDecrypt(key, pw, flipped,
                        ObjectCommands.scheme(s[0], s[1]), label));
            }
        }
        d.same("RSA_Encrypt raw", ObjectCommands.rsaEncrypt(key, new byte[] {0, 0, 1, 2, 3}, ObjectCommands.scheme(TpmAlgId.NULL, 0), NONE));
        d.same("RSA_Decrypt raw", ObjectCommands.rsaDecrypt(key, pw, new byte[256], ObjectCommands.scheme(TpmAlgId.NULL, 0), NONE));
        byte[] ff = new byte[256];
        Arrays.fill(ff, (byte) 0xFF);
        d.same("RSA_Encrypt raw above the modulus", ObjectCommands.rsaEncrypt(key, ff, ObjectCommands.scheme(TpmAlgId.NULL, 0), NONE));
        d.same("RSA_Decrypt raw above the modulus", ObjectCommands.rsaDecrypt(key, pw, ff, ObjectCommands.scheme(TpmAlgId.NULL, 0), NONE));
        d.same("RSA_Encrypt raw longer than the modulus", ObjectCommands.rsaEncrypt(key, Arrays.copyOf(ff, 257),
                ObjectCommands.scheme(TpmAlgId.NULL, 0), NONE));
        d.same("RSA_Encrypt OAEP too long", ObjectCommands.rsaEncrypt(key, new byte[200],
                ObjectCommands.scheme(TpmAlgId.OAEP, TpmAlgId.SHA256), NONE));
        d.same("RSA_Encrypt label without NUL", ObjectCommands.rsaEncrypt(key, NONE, ObjectCommands.scheme(TpmAlgId.OAEP,
                TpmAlgId.SHA256), "abc".getBytes()));
        d.same("RSA_Decrypt of a short ciphertext", ObjectCommands.rsaDecrypt(key, pw, new byte[255],
                ObjectCommands.scheme(TpmAlgId.RSAES, 0), NONE));
        d.same("RSA_Decrypt bad scheme", ObjectCommands.rsaDecrypt(key, pw, new byte[256], ObjectCommands.scheme(TpmAlgId.RSASSA,
                TpmAlgId.SHA256), NONE));
        d.same("ECDH_KeyGen on RSA", ObjectCommands.ecdhKeyGen(key));
        d.same("HMAC with an RSA key", ObjectCommands.hmac(key, pw, NONE, TpmAlgId.SHA256));
        d.same("EncryptDecrypt with an RSA key", ObjectCommands.encryptDecrypt(key, pw, false, TpmAlgId.CFB, new byte[16], NONE));
        d.same("Unseal of an RSA key", ObjectCommands.unseal(key, pw));
        d.same("EvictControl of an external key", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, key, 0x81000001));
        d.same("MakeCredential with a signing key", ObjectCommands.makeCredential(key, new byte[16], new byte[34]));
        // The public part alone, in the owner hierarchy: verification only.
        int pubOnly = load("RSA-2048 public", pub, null, TpmHandles.RH_OWNER);
        d.sameCode("VerifySignature with the public key", ObjectCommands.verifySignature(pubOnly, digest, good));
        d.same("Sign with a public-only key", ObjectCommands.sign(pubOnly, pw, digest,
                ObjectCommands.scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
        d.same("RSA_Decrypt with a public-only key", ObjectCommands.rsaDecrypt(pubOnly, NONE, new byte[256],
                ObjectCommands.scheme(TpmAlgId.RSAES, 0), NONE));
        load("third slot", pub, null, TpmHandles.RH_ENDORSEMENT);
        d.same("LoadExternal with every slot taken", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(null),
                ObjectCommands.publicSized(pub), TpmHandles.RH_OWNER));
    }

    /** Each TPM verifies the signature the other produced. */
    private void crossVerify(String what, int key, byte[] digest, Differential.Pair signed) throws Exception {
        byte[] refSig = sigBytes(signed.reference());
        byte[] subSig = sigBytes(signed.subject());
        Differential.Pair a = d.same(what + ": verify swtpm's", ObjectCommands.verifySignature(key, digest, refSig));
        Differential.Pair b = d.same(what + ": verify jvtpm's", ObjectCommands.verifySignature(key, digest, subSig));
        assertThat(a.subjectRc()).as(what).isZero();
        assertThat(b.referenceRc()).as(what).isZero();
    }

    /** The TPMT_SIGNATURE of a Sign response. */
    static byte[] sigBytes(byte[] rsp) throws Exception {
        TpmReader r = DifferentialTestSupport.params(rsp, false);
        return r.rest();
    }

    @Test
    void eccKeys() throws Exception {
        for (EccCurve curve : EccCurve.values()) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve.secName()), random());
            var kp = g.generateKeyPair();
            ECPublicKey q = (ECPublicKey) kp.getPublic();
            int n = curve.keyBytes();
            EccPoint point = new EccPoint(unsigned(q.getW().getAffineX(), n), unsigned(q.getW().getAffineY(), n));
            PublicArea pub = new PublicArea(TpmAlgId.ECC, TpmAlgId.SHA256, SIGN_DECRYPT, NONE,
                    new PublicParms.Ecc(SymDefObject.NULL, Scheme.NULL, curve, KdfScheme.NULL), new PublicId.Ecc(point));
            SensitiveArea sens = new SensitiveArea(TpmAlgId.ECC, NONE, NONE, unsigned(((ECPrivateKey) kp.getPrivate()).getS(), n));
            String what = curve.name();
            int key = load(what, pub, sens, TpmHandles.RH_NULL);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(what.getBytes());
            Differential.Pair sig = d.sameCode(what + ": ECDSA", ObjectCommands.sign(key, NONE, digest,
                    ObjectCommands.scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
            crossVerify(what + ": ECDSA", key, digest, sig);
            d.same(what + ": ECDSA signature of zeros", ObjectCommands.verifySignature(key, digest,
                    new TpmWriter().u16(TpmAlgId.ECDSA).u16(TpmAlgId.SHA256).tpm2b(new byte[n]).tpm2b(new byte[n]).toByteArray()));
            d.same(what + ": RSASSA with an ECC key", ObjectCommands.sign(key, NONE, digest,
                    ObjectCommands.scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
            // ECDH_ZGen is deterministic: the key's own point and the generator give fixed answers.
            d.same(what + ": ZGen(Q)", ObjectCommands.ecdhZGen(key, NONE, point.x(), point.y()));
            byte[] badY = point.y().clone();
            badY[badY.length - 1] ^= 1;
            d.same(what + ": ZGen off the curve", ObjectCommands.ecdhZGen(key, NONE, point.x(), badY));
            d.same(what + ": ZGen of an empty point", ObjectCommands.ecdhZGen(key, NONE, NONE, NONE));
            Differential.Pair kg = d.sameCode(what + ": ECDH_KeyGen", ObjectCommands.ecdhKeyGen(key));
            // Each TPM's ephemeral public point, multiplied by the key, gives that TPM's Z.
            for (byte[] rsp : new byte[][] {kg.reference(), kg.subject()}) {
                TpmReader r = DifferentialTestSupport.params(rsp, false);
                EccPoint z = EccPoint.readSized(r);
                EccPoint qe = EccPoint.readSized(r);
                Differential.Pair zg = d.same(what + ": ZGen(Qe)", ObjectCommands.ecdhZGen(key, NONE, qe.x(), qe.y()));
                EccPoint z2 = EccPoint.readSized(DifferentialTestSupport.params(zg.subject(), false));
                assertThat(z2.x()).as(what + ": Z").isEqualTo(z.x());
            }
            d.same(what + ": ECC_Parameters", ObjectCommands.eccParameters(curve.id()));
            d.same(what + ": flush", Commands.flushContext(key));
        }
        d.same("ECC_Parameters of no curve", ObjectCommands.eccParameters(0x0000));
        d.same("ECC_Parameters of curve 0x99", ObjectCommands.eccParameters(0x0099));
    }

    @Test
    void keyedHashAndSymmetricKeys() throws Exception {
        byte[] hmacKey = new byte[32];
        random().nextBytes(hmacKey);
        byte[] seed = new byte[32];
        PublicArea hpub = Templates.keyedHash(ObjectAttributes.SIGN | ObjectAttributes.USER_WITH_AUTH, HashAlg.SHA256,
                new Scheme.Hmac(HashAlg.SHA256));
        SensitiveArea hsens = new SensitiveArea(TpmAlgId.KEYEDHASH, NONE, seed, hmacKey);
        hpub = hpub.withUnique(new PublicId.Digest(MessageDigest.getInstance("SHA-256").digest(concat(seed, hmacKey))));
        int hk = load("HMAC key", hpub, hsens, TpmHandles.RH_NULL);
        for (int alg : new int[] {TpmAlgId.SHA1, TpmAlgId.SHA256, TpmAlgId.SHA384, TpmAlgId.SHA512}) {
            d.same("HMAC " + alg, ObjectCommands.hmac(hk, NONE, "data".getBytes(), alg));
            d.same("Sign HMAC " + alg, ObjectCommands.sign(hk, NONE, new byte[HashAlg.fromId(alg).digestSize()],
                    ObjectCommands.scheme(TpmAlgId.HMAC, alg), ObjectCommands.nullHashcheck()));
        }
        d.same("HMAC with NULL hash", ObjectCommands.hmac(hk, NONE, NONE, TpmAlgId.NULL));
        d.same("Sign with ECDSA and an HMAC key", ObjectCommands.sign(hk, NONE, new byte[32],
                ObjectCommands.scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
        d.same("Sign with the key's scheme", ObjectCommands.sign(hk, NONE, new byte[32],
                ObjectCommands.scheme(TpmAlgId.NULL, 0), ObjectCommands.nullHashcheck()));
        d.same("HMAC_Start with another hash", ObjectCommands.hmacStart(hk, NONE, "seq".getBytes(), TpmAlgId.SHA384));
        d.same("HMAC_Start", ObjectCommands.hmacStart(hk, NONE, "seq".getBytes(), TpmAlgId.NULL));
        d.same("SequenceUpdate", Commands.sequenceUpdate(0x80000001, "seq".getBytes(), new byte[100]));
        d.same("SequenceComplete", Commands.sequenceComplete(0x80000001, "seq".getBytes(), "end".getBytes(), TpmHandles.RH_OWNER));
        d.same("EncryptDecrypt with an HMAC key", ObjectCommands.encryptDecrypt(hk, NONE, false, TpmAlgId.CFB, new byte[16], NONE));
        d.same("flush", Commands.flushContext(hk));

        byte[] aes = new byte[16];
        random().nextBytes(aes);
        int attrs = ObjectAttributes.SIGN | ObjectAttributes.DECRYPT | ObjectAttributes.USER_WITH_AUTH;
        for (int keyMode : new int[] {TpmAlgId.NULL, TpmAlgId.CBC}) {
            PublicArea spub = Templates.symCipher(attrs, HashAlg.SHA256, SymDefObject.aes(128, keyMode));
            SensitiveArea ssens = new SensitiveArea(TpmAlgId.SYMCIPHER, NONE, seed, aes);
            spub = spub.withUnique(new PublicId.Digest(MessageDigest.getInstance("SHA-256").digest(concat(seed, aes))));
            int sk = load("AES-128 mode " + keyMode, spub, ssens, TpmHandles.RH_NULL);
            byte[] iv = HEX.parseHex("000102030405060708090a0b0c0dfeff");
            for (int mode : new int[] {TpmAlgId.CFB, TpmAlgId.CBC, TpmAlgId.CTR, TpmAlgId.OFB, TpmAlgId.ECB, TpmAlgId.NULL}) {
                for (int len : new int[] {0, 1, 15, 16, 17, 32, 33, 1024}) {
                    byte[] data = new byte[len];
                    Arrays.fill(data, (byte) len);
                    byte[] ivIn = mode == TpmAlgId.ECB ? NONE : iv;
                    for (boolean decrypt : new boolean[] {false, true}) {
                        String what = String.format("key mode %x, mode %x, %d bytes, decrypt %b", keyMode, mode, len, decrypt);
                        d.same("EncryptDecrypt " + what, ObjectCommands.encryptDecrypt(sk, NONE, decrypt, mode, ivIn, data));
                        d.same("EncryptDecrypt2 " + what, ObjectCommands.encryptDecrypt2(sk, NONE, decrypt, mode, ivIn, data));
                    }
                }
                d.same("EncryptDecrypt wrong IV size", ObjectCommands.encryptDecrypt(sk, NONE, false, mode, new byte[8], new byte[16]));
                d.same("EncryptDecrypt2 wrong IV size", ObjectCommands.encryptDecrypt2(sk, NONE, false, mode, new byte[8], new byte[16]));
            }
            d.same("EncryptDecrypt bad decrypt flag", Commands.build(0x8002, 0x164, w -> {
                w.u32(sk);
                int m = w.beginSized32();
                w.u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
                w.endSized32(m);
                w.u8(2).u16(TpmAlgId.CFB).tpm2b(iv).tpm2b(NONE);
            }));
            d.same("EncryptDecrypt CMAC mode", ObjectCommands.encryptDecrypt(sk, NONE, false, 0x003F, iv, NONE));
            d.same("HMAC with an AES key", ObjectCommands.hmac(sk, NONE, NONE, TpmAlgId.SHA256));
            d.same("Sign with an AES key", ObjectCommands.sign(sk, NONE, new byte[32], ObjectCommands.scheme(TpmAlgId.HMAC,
                    TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
            d.same("flush", Commands.flushContext(sk));
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    /** LoadExternal rules and the key checks of ObjectLoad without a parent. */
    @Test
    void loadExternalErrors() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random());
        var kp = g.generateKeyPair();
        ECPublicKey q = (ECPublicKey) kp.getPublic();
        EccPoint point = new EccPoint(unsigned(q.getW().getAffineX(), 32), unsigned(q.getW().getAffineY(), 32));
        PublicArea pub = new PublicArea(TpmAlgId.ECC, TpmAlgId.SHA256, Templates.SIGNING & ~(ObjectAttributes.FIXED_TPM
                | ObjectAttributes.FIXED_PARENT), NONE,
                new PublicParms.Ecc(SymDefObject.NULL, Scheme.NULL, EccCurve.NIST_P256, KdfScheme.NULL), new PublicId.Ecc(point));
        byte[] d32 = unsigned(((ECPrivateKey) kp.getPrivate()).getS(), 32);
        SensitiveArea sens = new SensitiveArea(TpmAlgId.ECC, NONE, NONE, d32);
        byte[] s = ObjectCommands.sensitiveSized(sens);
        d.same("private key outside TPM_RH_NULL", ObjectCommands.loadExternal(s, ObjectCommands.publicSized(pub), TpmHandles.RH_OWNER));
        d.same("fixedTPM with a private key", ObjectCommands.loadExternal(s, ObjectCommands.publicSized(
                Templates.withAttributes(pub, pub.attributes() | ObjectAttributes.FIXED_TPM | ObjectAttributes.FIXED_PARENT)),
                TpmHandles.RH_NULL));
        d.same("hierarchy lockout", ObjectCommands.loadExternal(s, ObjectCommands.publicSized(pub), TpmHandles.RH_LOCKOUT));
        byte[] badY = point.y().clone();
        badY[3] ^= 1;
        PublicArea offCurve = pub.withUnique(new PublicId.Ecc(new EccPoint(point.x(), badY)));
        d.same("public point off the curve", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(null),
                ObjectCommands.publicSized(offCurve), TpmHandles.RH_OWNER));
        d.same("private key not matching", ObjectCommands.loadExternal(s, ObjectCommands.publicSized(offCurve), TpmHandles.RH_NULL));
        d.same("private key zero", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(
                new SensitiveArea(TpmAlgId.ECC, NONE, NONE, new byte[32])), ObjectCommands.publicSized(pub), TpmHandles.RH_NULL));
        d.same("sensitive of another type", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(
                new SensitiveArea(TpmAlgId.RSA, NONE, NONE, d32)), ObjectCommands.publicSized(pub), TpmHandles.RH_NULL));
        d.same("authValue longer than the digest", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(
                new SensitiveArea(TpmAlgId.ECC, new byte[33], NONE, d32)), ObjectCommands.publicSized(pub), TpmHandles.RH_NULL));
        d.same("short public point", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(null), ObjectCommands.publicSized(
                pub.withUnique(new PublicId.Ecc(new EccPoint(Arrays.copyOf(point.x(), 31), point.y())))), TpmHandles.RH_OWNER));
        PublicArea nullName = new PublicArea(TpmAlgId.ECC, TpmAlgId.NULL, pub.attributes(), NONE, pub.parameters(), pub.unique());
        d.same("public key without nameAlg", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(null),
                ObjectCommands.publicSized(nullName), TpmHandles.RH_OWNER));
        d.same("key without nameAlg, with its private part", ObjectCommands.loadExternal(s, ObjectCommands.publicSized(nullName),
                TpmHandles.RH_NULL));
        d.same("ReadPublic of the key without nameAlg", ObjectCommands.readPublic(0x80000000));
        d.same("ReadPublic of the private key without nameAlg", ObjectCommands.readPublic(0x80000001));
        d.sameCode("Sign with a key without nameAlg", ObjectCommands.sign(0x80000001, NONE, new byte[32],
                ObjectCommands.scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck()));
        d.same("flush", Commands.flushContext(0x80000000));
    }
}
