package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Known-answer data for the TPM's algorithm self-tests, kept apart from the test logic as the
 * reference keeps HashTestData/SymmetricTestData. Sources: FIPS 180-4 examples ("abc"),
 * RFC 2202 / RFC 4231 test case 2 (HMAC), SP 800-38A F.3.13 and F.3.17 (CFB128-AES).
 */
final class KnownAnswers {
    private KnownAnswers() {}

    private static final HexFormat HEX = HexFormat.of();

    static final byte[] HASH_MESSAGE = "abc".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HMAC_KEY = "Jefe".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HMAC_MESSAGE = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    static byte[] hashOfAbc(HashAlg alg) {
        switch (alg) {
            case SHA1: return HEX.parseHex("a9993e364706816aba3e25717850c26c9cd0d89d");
            case SHA256: return HEX.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            case SHA384: return HEX.parseHex("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                    + "8086072ba1e7cc2358baeca134c825a7");
            case SHA512: return HEX.parseHex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
            default: throw new IllegalArgumentException(alg.name());
        }
    }

    static byte[] hmacJefe(HashAlg alg) {
        switch (alg) {
            case SHA1: return HEX.parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
            case SHA256: return HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            case SHA384: return HEX.parseHex("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                    + "8e2240ca5e69e2c78b3239ecfab21649");
            case SHA512: return HEX.parseHex("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                    + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
            default: throw new IllegalArgumentException(alg.name());
        }
    }

    /** One AES vector: mode, key, IV, two blocks of plaintext and their ciphertext. */
    record SymVector(SymMode mode, byte[] key, byte[] iv, byte[] plaintext, byte[] ciphertext) {}

    static final byte[] CFB_IV = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    static final byte[] CFB_PLAINTEXT = HEX.parseHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51");

    private static final byte[] AES128_KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");

    static final SymVector AES128_CFB = new SymVector(SymMode.CFB, AES128_KEY, CFB_IV, CFB_PLAINTEXT,
            HEX.parseHex("3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"));
    static final SymVector AES256_CFB = new SymVector(SymMode.CFB,
            HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"), CFB_IV, CFB_PLAINTEXT,
            HEX.parseHex("dc7e84bfda79164b7ecd8486985d386039ffed143b28b1c832113c6331e5407b"));

    /** SP 800-38A F.1.1, F.2.1, F.4.1, F.5.1 (first two blocks of each). */
    static final SymVector AES128_ECB = new SymVector(SymMode.ECB, AES128_KEY, new byte[16], CFB_PLAINTEXT,
            HEX.parseHex("3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"));
    static final SymVector AES128_CBC = new SymVector(SymMode.CBC, AES128_KEY, CFB_IV, CFB_PLAINTEXT,
            HEX.parseHex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"));
    static final SymVector AES128_OFB = new SymVector(SymMode.OFB, AES128_KEY, CFB_IV, CFB_PLAINTEXT,
            HEX.parseHex("3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825"));
    static final SymVector AES128_CTR = new SymVector(SymMode.CTR, AES128_KEY,
            HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), CFB_PLAINTEXT,
            HEX.parseHex("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"));

    /** The reference's KDFa self-test (KdfTestData.h), its SHA-256 result. */
    static final byte[] KDF_KEY = HEX.parseHex("271fa08bbdc5060ec3dfa928ff9b73123a12da0c");
    static final String KDF_LABEL = "KDFSELFTESTLABEL";
    static final byte[] KDF_CONTEXT_U = HEX.parseHex("ce244f395dca7391");
    static final byte[] KDF_CONTEXT_V = HEX.parseHex("da504031ddf12e83");
    static final byte[] KDF_SHA256_RESULT = HEX.parseHex("bb0259e1c8ba607e6a2cd704b69a902e9ade84c4");
}
