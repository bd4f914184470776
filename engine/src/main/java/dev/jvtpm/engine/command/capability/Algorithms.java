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
        Map<Integer, Integer> m = new TreeMap<>();
        m.put(TpmAlgId.SHA1, HASH);
        m.put(TpmAlgId.HMAC, HASH | SIGNING);
        m.put(TpmAlgId.AES, SYMMETRIC);
        m.put(TpmAlgId.KEYEDHASH, HASH | OBJECT | SIGNING | ENCRYPTING);
        // XOR obfuscation: session parameter encryption (TPMT_SYM_DEF) and keyed-hash schemes.
        m.put(TpmAlgId.XOR, SYMMETRIC | HASH);
        m.put(TpmAlgId.SHA256, HASH);
        m.put(TpmAlgId.SHA384, HASH);
        m.put(TpmAlgId.SHA512, HASH);
        // TPM_ALG_NULL is not an algorithm: libtpms does not list it either.
        m.put(TpmAlgId.SYMCIPHER, OBJECT);
        m.put(TpmAlgId.CFB, SYMMETRIC | ENCRYPTING);
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

    /** RSA key sizes supported, for swtpm's GET_INFO and --print-capabilities (none yet). */
    public static int[] rsaKeySizes() {
        return new int[0];
    }
}
