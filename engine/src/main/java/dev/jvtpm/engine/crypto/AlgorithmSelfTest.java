package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The self-test state of one TPM (Part 1 "Self-Test Modes"; Part 3 §10): the implemented
 * algorithms not yet tested since _TPM_Init (the reference's {@code g_toTest}) and the
 * known-answer tests that clear them. Tests run on the instance's own primitives, so a broken
 * provider or intrinsic is caught before the TPM answers with its output.
 *
 * <p>Which algorithm a test clears follows the reference (AlgorithmTests.c): a hash test runs that
 * hash and its HMAC, so HMAC itself is never listed and testing it tests SHA-256 (the default test
 * hash); an AES test covers every implemented mode and a mode test every implemented cipher, and
 * since this TPM has exactly one cipher, testing any of them clears all (the modes other than CFB
 * are not listed after _TPM_Init, as in the reference); each RSA scheme (RSASSA, RSAPSS, RSAES,
 * OAEP) is cleared by its own test, RSA itself is never listed; an ECDSA test also clears ECDH,
 * ECC is listed as ECDH; KDF1_SP800_108 (KDFa) has its own test. The signature, OAEP and ECDSA
 * tests first test SHA-256 if it is pending. Algorithms without a test (KEYEDHASH, SYMCIPHER,
 * XOR, MGF1, KDF1_SP800_56A) are never listed.
 *
 * <p>Not thread-safe; the owning TPM serialises access.
 */
public final class AlgorithmSelfTest {
    private static final int DEFAULT_TEST_HASH = TpmAlgId.SHA256;

    private final CryptoSuite crypto;
    private final Set<Integer> implemented;
    private final TreeSet<Integer> toTest = new TreeSet<>();

    /**
     * @param crypto the instance's primitives, unchecked (the tests themselves must not recurse
     *     into first-use checks)
     * @param implemented TPM_ALG_IDs this TPM implements (what TPM_CAP_ALGS lists)
     */
    public AlgorithmSelfTest(CryptoSuite crypto, Collection<Integer> implemented) {
        this.crypto = crypto;
        this.implemented = Set.copyOf(implemented);
        reset();
    }

    /** _TPM_Init: every implemented algorithm that has a test is untested again. */
    public void reset() {
        toTest.clear();
        for (int alg : implemented) {
            if (alg == TpmAlgId.HMAC) {
                toTest.add(DEFAULT_TEST_HASH);
            } else if (alg == TpmAlgId.ECC) {
                toTest.add(TpmAlgId.ECDH);
            } else if (hasTest(alg) && !isOtherMode(alg)) {
                toTest.add(alg);
            }
        }
        toTest.retainAll(implemented);
    }

    private static boolean isOtherMode(int alg) {
        return alg == TpmAlgId.CTR || alg == TpmAlgId.OFB || alg == TpmAlgId.CBC || alg == TpmAlgId.ECB;
    }

    private static boolean isRsaScheme(int alg) {
        return alg == TpmAlgId.RSASSA || alg == TpmAlgId.RSAPSS || alg == TpmAlgId.RSAES || alg == TpmAlgId.OAEP;
    }

    private static boolean hasTest(int alg) {
        return HashAlg.fromId(alg) != null || alg == TpmAlgId.AES || alg == TpmAlgId.CFB || isOtherMode(alg)
                || isRsaScheme(alg) || alg == TpmAlgId.ECDSA || alg == TpmAlgId.ECDH || alg == TpmAlgId.KDF1_SP800_108;
    }

    /** Runs the test of {@code alg} if it has not passed since _TPM_Init ({@link FirstUseCheck}). */
    public void ensureTested(int alg) {
        if (toTest.contains(alg)) {
            test(alg);
        }
    }

    /**
     * TPM2_SelfTest: {@code full} re-tests everything implemented, otherwise only what is still
     * untested.
     */
    public void selfTest(boolean full) {
        if (full) {
            reset();
        }
        for (int alg : new ArrayList<>(toTest)) {
            ensureTested(alg);
        }
    }

    /**
     * TPM2_IncrementalSelfTest: tests every algorithm in {@code algs} (even if already tested)
     * and returns what remains untested, ascending.
     *
     * @throws IllegalArgumentException when an algorithm is not implemented; nothing is tested
     */
    public List<Integer> incremental(List<Integer> algs) {
        for (int alg : algs) {
            if (!implemented.contains(alg)) {
                throw new IllegalArgumentException(String.format("algorithm 0x%04X is not implemented", alg));
            }
        }
        for (int alg : new TreeSet<>(algs)) {
            test(alg);
        }
        return toDo();
    }

    /** The implemented algorithms not yet tested, ascending. */
    public List<Integer> toDo() {
        return List.copyOf(toTest);
    }

    /** Replaces the untested set (volatile state restore). Unknown or untestable ids are dropped. */
    public void restore(Collection<Integer> untested) {
        toTest.clear();
        for (int alg : untested) {
            if (implemented.contains(alg) && hasTest(alg)) {
                toTest.add(alg);
            }
        }
    }

    private void test(int alg) {
        HashAlg hash = HashAlg.fromId(alg);
        if (hash != null) {
            testHash(hash);
        } else if (alg == TpmAlgId.HMAC) {
            toTest.remove(TpmAlgId.HMAC);
            testHash(HashAlg.SHA256);
        } else if (alg == TpmAlgId.AES || alg == TpmAlgId.CFB || isOtherMode(alg)) {
            testAes();
        } else if (isRsaScheme(alg) || alg == TpmAlgId.RSA) {
            toTest.remove(alg);
            if (alg != TpmAlgId.RSAES && alg != TpmAlgId.RSA) {
                ensureTested(DEFAULT_TEST_HASH);
            }
            expectNull(alg, SelfTest.rsa(crypto.rsa()));
        } else if (alg == TpmAlgId.ECDSA) {
            toTest.remove(TpmAlgId.ECDSA);
            toTest.remove(TpmAlgId.ECDH);
            ensureTested(DEFAULT_TEST_HASH);
            expectNull(alg, SelfTest.ecc(crypto.ecc()));
        } else if (alg == TpmAlgId.ECDH || alg == TpmAlgId.ECC) {
            toTest.remove(TpmAlgId.ECDH);
            expectNull(alg, SelfTest.ecc(crypto.ecc()));
        } else if (alg == TpmAlgId.KDF1_SP800_108) {
            toTest.remove(alg);
            byte[] k = new Kdf(crypto.digests()).kdfa(HashAlg.SHA256, KnownAnswers.KDF_KEY, KnownAnswers.KDF_LABEL,
                    KnownAnswers.KDF_CONTEXT_U, KnownAnswers.KDF_CONTEXT_V, 160);
            expect(alg, "KDFa", KnownAnswers.KDF_SHA256_RESULT, k);
        } else {
            toTest.remove(alg);
        }
    }

    private static void expectNull(int alg, String failure) {
        if (failure != null) {
            throw new SelfTestFailure(alg, failure);
        }
    }

    private void testHash(HashAlg alg) {
        toTest.remove(alg.id());
        expect(alg.id(), "hash", KnownAnswers.hashOfAbc(alg),
                crypto.digests().hasher(alg).update(KnownAnswers.HASH_MESSAGE).digest());
        expect(alg.id(), "HMAC", KnownAnswers.hmacJefe(alg),
                crypto.digests().hmac(alg, KnownAnswers.HMAC_KEY).update(KnownAnswers.HMAC_MESSAGE).digest());
        // Sequences hash with the exportable implementation, and resume from saved state.
        ExportableHash h = ExportableHash.start(alg).update(Arrays.copyOf(KnownAnswers.HASH_MESSAGE, 1));
        ExportableHash resumed = ExportableHash.resume(alg, h.exportState());
        resumed.update(Arrays.copyOfRange(KnownAnswers.HASH_MESSAGE, 1, KnownAnswers.HASH_MESSAGE.length));
        expect(alg.id(), "resumable hash", KnownAnswers.hashOfAbc(alg), resumed.digest());
    }

    private void testAes() {
        toTest.remove(TpmAlgId.AES);
        toTest.remove(TpmAlgId.CFB);
        toTest.remove(TpmAlgId.CTR);
        toTest.remove(TpmAlgId.OFB);
        toTest.remove(TpmAlgId.CBC);
        toTest.remove(TpmAlgId.ECB);
        for (KnownAnswers.SymVector v : List.of(KnownAnswers.AES128_CFB, KnownAnswers.AES256_CFB, KnownAnswers.AES128_ECB,
                KnownAnswers.AES128_CBC, KnownAnswers.AES128_OFB, KnownAnswers.AES128_CTR)) {
            String what = "AES-" + v.key().length * 8 + "-" + v.mode();
            expect(TpmAlgId.AES, what + " encrypt", v.ciphertext(),
                    crypto.ciphers().aes(v.mode(), true, v.key(), v.iv(), v.plaintext()));
            expect(TpmAlgId.AES, what + " decrypt", v.plaintext(),
                    crypto.ciphers().aes(v.mode(), false, v.key(), v.iv(), v.ciphertext()));
        }
    }

    private static void expect(int alg, String what, byte[] want, byte[] got) {
        if (!Arrays.equals(want, got)) {
            throw new SelfTestFailure(alg, what + " known-answer test failed");
        }
    }
}
