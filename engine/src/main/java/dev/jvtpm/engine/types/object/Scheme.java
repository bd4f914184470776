package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * A scheme selector with its details: the members of TPMU_ASYM_SCHEME, TPMU_SIG_SCHEME and
 * TPMU_SCHEME_KEYEDHASH (Part 2 §11.1.21, §11.2.1.4, §11.2.3.5) this TPM implements. The structures
 * that carry a scheme (TPMT_RSA_SCHEME, TPMT_RSA_DECRYPT, TPMT_ECC_SCHEME, TPMT_SIG_SCHEME,
 * TPMT_KEYEDHASH_SCHEME) differ only in which selectors they accept; each has its reader here.
 */
public sealed interface Scheme {
    /** The TPM_ALG_ID on the wire. */
    int selector();

    /** The scheme's hash, null for NULL and RSAES. */
    HashAlg hash();

    default boolean isNull() {
        return selector() == TpmAlgId.NULL;
    }

    /** Selector then details. */
    default void write(TpmWriter w) {
        w.u16(selector());
        if (hash() != null) {
            w.u16(hash().id());
        }
    }

    Null NULL = new Null();

    record Null() implements Scheme {
        public int selector() { return TpmAlgId.NULL; }
        public HashAlg hash() { return null; }
    }

    record RsaSsa(HashAlg hash) implements Scheme {
        public int selector() { return TpmAlgId.RSASSA; }
    }

    record RsaPss(HashAlg hash) implements Scheme {
        public int selector() { return TpmAlgId.RSAPSS; }
    }

    /** RSAES-PKCS1-v1_5: TPMS_ENC_SCHEME_RSAES is TPMS_EMPTY. */
    record RsaEs() implements Scheme {
        public int selector() { return TpmAlgId.RSAES; }
        public HashAlg hash() { return null; }
    }

    record Oaep(HashAlg hash) implements Scheme {
        public int selector() { return TpmAlgId.OAEP; }
    }

    record Ecdsa(HashAlg hash) implements Scheme {
        public int selector() { return TpmAlgId.ECDSA; }
    }

    record Ecdh(HashAlg hash) implements Scheme {
        public int selector() { return TpmAlgId.ECDH; }
    }

    record Hmac(HashAlg hash) implements Scheme {
        public int selector() { return TpmAlgId.HMAC; }
    }

    /** TPMS_SCHEME_XOR: a hash (not NULL) and a KDF (may be TPM_ALG_NULL). */
    record Xor(HashAlg hash, int kdf) implements Scheme {
        public int selector() { return TpmAlgId.XOR; }

        @Override
        public void write(TpmWriter w) {
            w.u16(TpmAlgId.XOR).u16(hash.id()).u16(kdf);
        }
    }

    /** TPMT_RSA_SCHEME_Unmarshal: TPMI_ALG_RSA_SCHEME (TPM_RC_VALUE) then its details. */
    static Scheme readRsa(TpmReader r, boolean allowNull) throws TpmException {
        return details(r, AlgSelectors.rsaScheme(r, allowNull));
    }

    /** TPMT_RSA_DECRYPT_Unmarshal: TPMI_ALG_RSA_DECRYPT (TPM_RC_VALUE) then its details. */
    static Scheme readRsaDecrypt(TpmReader r, boolean allowNull) throws TpmException {
        return details(r, AlgSelectors.rsaDecrypt(r, allowNull));
    }

    /** TPMT_ECC_SCHEME_Unmarshal: TPMI_ALG_ECC_SCHEME (TPM_RC_SCHEME) then its details. */
    static Scheme readEcc(TpmReader r, boolean allowNull) throws TpmException {
        return details(r, AlgSelectors.eccScheme(r, allowNull));
    }

    /** TPMT_SIG_SCHEME_Unmarshal: TPMI_ALG_SIG_SCHEME (TPM_RC_SCHEME) then its details. */
    static Scheme readSig(TpmReader r, boolean allowNull) throws TpmException {
        return details(r, AlgSelectors.sigScheme(r, allowNull));
    }

    /** TPMT_KEYEDHASH_SCHEME_Unmarshal: TPMI_ALG_KEYEDHASH_SCHEME (TPM_RC_VALUE) then its details. */
    static Scheme readKeyedHash(TpmReader r, boolean allowNull) throws TpmException {
        int selector = AlgSelectors.keyedHashScheme(r, allowNull);
        if (selector == TpmAlgId.XOR) {
            HashAlg hash = AlgSelectors.hashAlg(r);
            return new Xor(hash, AlgSelectors.kdf(r, true));
        }
        return details(r, selector);
    }

    /** The union member for an already validated selector; every hash in it excludes NULL (TPM_RC_HASH). */
    private static Scheme details(TpmReader r, int selector) throws TpmException {
        switch (selector) {
            case TpmAlgId.NULL: return NULL;
            case TpmAlgId.RSAES: return new RsaEs();
            case TpmAlgId.RSASSA: return new RsaSsa(AlgSelectors.hashAlg(r));
            case TpmAlgId.RSAPSS: return new RsaPss(AlgSelectors.hashAlg(r));
            case TpmAlgId.OAEP: return new Oaep(AlgSelectors.hashAlg(r));
            case TpmAlgId.ECDSA: return new Ecdsa(AlgSelectors.hashAlg(r));
            case TpmAlgId.ECDH: return new Ecdh(AlgSelectors.hashAlg(r));
            case TpmAlgId.HMAC: return new Hmac(AlgSelectors.hashAlg(r));
            default: throw new IllegalStateException("selector 0x" + Integer.toHexString(selector) + " passed its TPMI check");
        }
    }
}
