package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Power-on known-answer tests a provider's family must pass before the chain trusts it
 * (FIPS 180-4 "abc", RFC 4231 case 2, FIPS 197 C.3, SP 800-38A F.3.13; for RSA and ECC the
 * vectors of {@link SelfTestData}). Full vector suites run in the unit tests; these catch a
 * broken library or intrinsic at start.
 */
final class SelfTest {
    private SelfTest() {}

    interface Check<F> {
        /** Null when the family passes, else what failed. */
        String run(F family);
    }

    private static final HexFormat HEX = HexFormat.of();

    static String digests(DigestFamily d) {
        try {
            byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            String[][] expect = {
                {"SHA1", "a9993e364706816aba3e25717850c26c9cd0d89d"},
                {"SHA256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
                {"SHA384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                        + "8086072ba1e7cc2358baeca134c825a7"},
                {"SHA512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
            };
            for (String[] e : expect) {
                byte[] got = d.hasher(HashAlg.valueOf(e[0])).update(abc).digest();
                if (!Arrays.equals(got, HEX.parseHex(e[1]))) {
                    return e[0] + " KAT mismatch";
                }
            }
            byte[] mac = d.hmac(HashAlg.SHA256, "Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .update("what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .digest();
            if (!Arrays.equals(mac, HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))) {
                return "HMAC-SHA256 KAT mismatch";
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    static String ciphers(CipherFamily c) {
        try {
            byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
            byte[] pt = HEX.parseHex("00112233445566778899aabbccddeeff");
            byte[] ct = c.aes(SymMode.ECB, true, key, null, pt);
            if (!Arrays.equals(ct, HEX.parseHex("8ea2b7ca516745bfeafc49904b496089"))) {
                return "AES-256 ECB KAT mismatch";
            }
            byte[] cfbKey = HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
            byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
            byte[] cfb = c.aes(SymMode.CFB, true, cfbKey, iv, HEX.parseHex("6bc1bee22e409f96e93d7e117393172a"));
            if (!Arrays.equals(cfb, HEX.parseHex("dc7e84bfda79164b7ecd8486985d3860"))) {
                return "AES-256 CFB128 KAT mismatch";
            }
            byte[] nonce = new byte[12];
            byte[] sealed = c.gcmSeal(key, nonce, new byte[0], pt);
            if (!Arrays.equals(c.gcmOpen(key, nonce, new byte[0], sealed), pt)) {
                return "AES-GCM round trip failed";
            }
            return null;
        } catch (Exception e) {
            return e.toString();
        }
    }

    static String entropy(EntropySource e) {
        try {
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            e.fill(a);
            e.fill(b);
            return Arrays.equals(a, b) ? "two draws were equal" : null;
        } catch (RuntimeException ex) {
            return ex.toString();
        }
    }

    static String rsa(RsaFamily f) {
        try {
            java.math.BigInteger n = new java.math.BigInteger(SelfTestData.RSA_N, 16);
            java.math.BigInteger e = RsaFamily.DEFAULT_EXPONENT;
            RsaKeyComponents k = RsaKeyComponents.fromPrime(n, e, new java.math.BigInteger(SelfTestData.RSA_P, 16));
            byte[] digest = HEX.parseHex(SelfTestData.DIGEST);
            byte[] expected = HEX.parseHex(SelfTestData.RSA_PKCS1_SIGNATURE);
            try (RsaPrivateKey key = f.prepare(k)) {
                if (!Arrays.equals(key.signPkcs1(HashAlg.SHA256, digest), expected)) {
                    return "RSASSA-PKCS1-v1_5 KAT mismatch";
                }
                RsaPublicKey pub = f.publicKey(n, e);
                if (!pub.verifyPkcs1(HashAlg.SHA256, digest, expected)) {
                    return "RSASSA-PKCS1-v1_5 known signature did not verify";
                }
                byte[] tampered = expected.clone();
                tampered[tampered.length - 1] ^= 1;
                if (pub.verifyPkcs1(HashAlg.SHA256, digest, tampered)) {
                    return "RSASSA-PKCS1-v1_5 accepted a tampered signature";
                }
                byte[] pss = key.signPss(HashAlg.SHA256, digest);
                if (!pub.verifyPss(HashAlg.SHA256, digest, pss, HashAlg.SHA256.digestSize())) {
                    return "RSASSA-PSS round trip failed";
                }
                byte[] label = HEX.parseHex(SelfTestData.RSA_OAEP_LABEL);
                byte[] plain = key.decryptOaep(HashAlg.SHA256, label, HEX.parseHex(SelfTestData.RSA_OAEP_CIPHERTEXT));
                if (!Arrays.equals(plain, SelfTestData.RSA_OAEP_MESSAGE.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    return "RSAES-OAEP decryption KAT mismatch";
                }
                if (!Arrays.equals(key.decryptOaep(HashAlg.SHA256, label, pub.encryptOaep(HashAlg.SHA256, label, plain)), plain)) {
                    return "RSAES-OAEP round trip failed";
                }
            }
            return null;
        } catch (Exception ex) {
            return ex.toString();
        }
    }

    static String ecc(EccFamily f) {
        try {
            EccCurve c = EccCurve.NIST_P256;
            java.math.BigInteger d = new java.math.BigInteger(SelfTestData.EC_D, 16);
            EcPoint q = EcPoint.of(c, HEX.parseHex(SelfTestData.EC_QX), HEX.parseHex(SelfTestData.EC_QY));
            if (!f.publicPoint(c, d).equals(q)) {
                return "P-256 public point KAT mismatch";
            }
            byte[] digest = HEX.parseHex(SelfTestData.DIGEST);
            EccPublicKey pub = f.publicKey(q);
            EcdsaSignature known = EcdsaSignature.of(HEX.parseHex(SelfTestData.EC_R), HEX.parseHex(SelfTestData.EC_S));
            if (!pub.verifyEcdsa(digest, known)) {
                return "ECDSA P-256 known signature did not verify";
            }
            byte[] other = digest.clone();
            other[0] ^= 1;
            if (pub.verifyEcdsa(other, known)) {
                return "ECDSA P-256 accepted a signature over another digest";
            }
            try (EccPrivateKey key = f.prepare(EccKeyPair.of(d, q))) {
                if (!pub.verifyEcdsa(digest, key.signEcdsa(digest))) {
                    return "ECDSA P-256 round trip failed";
                }
                EcPoint peer = EcPoint.of(c, HEX.parseHex(SelfTestData.EC_PEER_X), HEX.parseHex(SelfTestData.EC_PEER_Y));
                EcPoint z = EcPoint.of(c, HEX.parseHex(SelfTestData.EC_ZX), HEX.parseHex(SelfTestData.EC_ZY));
                if (!key.ecdh(peer).equals(z)) {
                    return "ECDH P-256 KAT mismatch";
                }
                EcPoint offCurve = EcPoint.of(c, peer.x(), q.y());
                try {
                    key.ecdh(offCurve);
                    return "ECDH accepted a point off the curve";
                } catch (InvalidPointException expected) {
                    // the required answer
                }
            }
            return null;
        } catch (Exception ex) {
            return ex.toString();
        }
    }
}
