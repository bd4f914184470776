package dev.jvtpm.engine.command.capability;

import dev.jvtpm.engine.types.TpmAlgId;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The algorithms this TPM implements and their TPMA_ALGORITHM attributes (Part 2 §8.2), as
 * TPM_CAP_ALGS reports them. An algorithm is listed only when the commands that use it work.
 */
public final class Algorithms {
    private Algorithms() {}

    public static final int ASYMMETRIC = 1;
    public static final int SYMMETRIC = 1 << 1;
    public static final int HASH = 1 << 2;
    public static final int OBJECT = 1 << 3;
    public static final int SIGNING = 1 << 8;
    public static final int ENCRYPTING = 1 << 9;
    public static final int METHOD = 1 << 10;

    private static final Map<Integer, Integer> IMPLEMENTED;

    static {
        // Attributes as libtpms 0.9.2 reports them (AlgorithmCap.c).
        Map<Integer, Integer> m = new TreeMap<>();
        m.put(TpmAlgId.RSA, ASYMMETRIC | OBJECT);
        m.put(TpmAlgId.SHA1, HASH);
        m.put(TpmAlgId.HMAC, HASH | SIGNING);
        m.put(TpmAlgId.AES, SYMMETRIC);
        // MGF1: the mask generation of OAEP and PSS.
        m.put(TpmAlgId.MGF1, HASH | METHOD);
        m.put(TpmAlgId.KEYEDHASH, HASH | OBJECT | SIGNING | ENCRYPTING);
        // XOR obfuscation: session parameter encryption (TPMT_SYM_DEF) and keyed-hash schemes.
        m.put(TpmAlgId.XOR, SYMMETRIC | HASH);
        m.put(TpmAlgId.SHA256, HASH);
        m.put(TpmAlgId.SHA384, HASH);
        m.put(TpmAlgId.SHA512, HASH);
        // TPM_ALG_NULL is not an algorithm: libtpms does not list it either.
        m.put(TpmAlgId.RSASSA, ASYMMETRIC | SIGNING);
        m.put(TpmAlgId.RSAES, ASYMMETRIC | ENCRYPTING);
        m.put(TpmAlgId.RSAPSS, ASYMMETRIC | SIGNING);
        m.put(TpmAlgId.OAEP, ASYMMETRIC | ENCRYPTING);
        m.put(TpmAlgId.ECDSA, ASYMMETRIC | SIGNING);
        m.put(TpmAlgId.ECDH, ASYMMETRIC | METHOD);
        // KDF1_SP800_56A: KDFe, the ECC secret-sharing KDF; KDF1_SP800_108: KDFa. KDF2 is not implemented.
        m.put(TpmAlgId.KDF1_SP800_56A, HASH | METHOD);
        m.put(TpmAlgId.KDF1_SP800_108, HASH | METHOD);
        m.put(TpmAlgId.ECC, ASYMMETRIC | OBJECT);
        m.put(TpmAlgId.SYMCIPHER, OBJECT);
        // Every block-cipher mode of TPM2_EncryptDecrypt.
        m.put(TpmAlgId.CTR, SYMMETRIC | ENCRYPTING);
        m.put(TpmAlgId.OFB, SYMMETRIC | ENCRYPTING);
        m.put(TpmAlgId.CBC, SYMMETRIC | ENCRYPTING);
        m.put(TpmAlgId.CFB, SYMMETRIC | ENCRYPTING);
        m.put(TpmAlgId.ECB, SYMMETRIC | ENCRYPTING);
        IMPLEMENTED = Collections.unmodifiableMap(m);
    }

    /** Implemented algorithm ids, ascending, with their attributes. */
    public static Map<Integer, Integer> implemented() {
        return IMPLEMENTED;
    }

    public static boolean isImplemented(int algId) {
        return IMPLEMENTED.containsKey(algId);
    }

    /** Key sizes in bits of an implemented symmetric algorithm (AES: 128 and 256, as libtpms). */
    public static java.util.Set<Integer> symmetricKeySizes(int algId) {
        return algId == TpmAlgId.AES ? java.util.Set.of(128, 256) : java.util.Set.of();
    }

    /** RSA key sizes supported, for swtpm's GET_INFO and --print-capabilities (TPMI_RSA_KEY_BITS). */
    public static int[] rsaKeySizes() {
        return new int[] {1024, 2048, 3072};
    }

    /** The ECC curves, ascending TPM_ECC_CURVE (TPM_CAP_ECC_CURVES, TPM_PT_LOADED_CURVES). */
    public static int[] eccCurves() {
        return java.util.Arrays.stream(dev.jvtpm.engine.types.object.EccCurve.values())
                .mapToInt(dev.jvtpm.engine.types.object.EccCurve::id).sorted().toArray();
    }
}
