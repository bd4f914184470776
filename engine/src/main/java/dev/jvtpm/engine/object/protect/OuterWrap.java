package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.Kdf;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;

/**
 * The outer wrap of Part 1 §23.3: encryption with symKey = KDFa(hash, seed, "STORAGE", name, ∅,
 * keyBits) in CFB mode, then an HMAC keyed with KDFa(hash, seed, "INTEGRITY", ∅, ∅, digestBits)
 * over (IV ‖) ciphertext ‖ name, placed in front as a TPM2B. Private blobs carry an IV (a TPM2B
 * after the integrity); duplication blobs and credentials use a zero IV and carry none.
 * libtpms ProduceOuterWrap / UnwrapOuter.
 */
public final class OuterWrap {
    private static final int AES_BLOCK = 16;

    private final CryptoSuite suite;
    private final Kdf kdf;

    public OuterWrap(CryptoSuite suite) {
        this.suite = suite;
        this.kdf = suite.kdf();
    }

    /**
     * integrity ‖ [iv] ‖ CFB(plaintext). {@code iv} is null for the IV-less form, otherwise a
     * block of fresh random bytes.
     */
    public byte[] produce(Protector p, byte[] name, byte[] iv, byte[] plaintext) {
        byte[] cipher = suite.ciphers().aes(SymMode.CFB, true, symKey(p, name), iv == null ? new byte[AES_BLOCK] : iv, plaintext);
        TpmWriter body = new TpmWriter(plaintext.length + 20);
        if (iv != null) {
            body.tpm2b(iv);
        }
        body.bytes(cipher);
        byte[] protectedPart = body.toByteArray();
        TpmWriter w = new TpmWriter(protectedPart.length + 66);
        w.tpm2b(integrity(p, name, protectedPart));
        w.bytes(protectedPart);
        return w.toByteArray();
    }

    /**
     * Checks and removes the outer wrap, returning the plaintext. Codes (bare; the command adds
     * its parameter): TPM_RC_INSUFFICIENT or TPM_RC_SIZE when the integrity or IV TPM2B does not
     * parse, TPM_RC_INTEGRITY when the HMAC differs (checked before anything is decrypted),
     * TPM_RC_VALUE when the IV is not one cipher block.
     */
    public byte[] unwrap(Protector p, byte[] name, boolean withIv, byte[] blob) throws TpmException {
        TpmReader r = new TpmReader(blob);
        byte[] integrity = r.tpm2b(ObjectLimits.DIGEST);
        byte[] protectedPart = r.copyRange(r.position(), blob.length);
        if (!MessageDigest.isEqual(integrity, integrity(p, name, protectedPart))) {
            throw new TpmException(TpmRc.INTEGRITY);
        }
        byte[] iv = new byte[AES_BLOCK];
        if (withIv) {
            iv = r.tpm2b(ObjectLimits.IV);
            if (iv.length != AES_BLOCK) {
                throw new TpmException(TpmRc.VALUE);
            }
        }
        return suite.ciphers().aes(SymMode.CFB, false, symKey(p, name), iv, r.rest());
    }

    /** The size the outer wrap adds in front of the plaintext. */
    public static int overhead(Protector p, boolean withIv) {
        return 2 + p.hash().digestSize() + (withIv ? 2 + AES_BLOCK : 0);
    }

    private byte[] symKey(Protector p, byte[] name) {
        return kdf.kdfa(p.hash(), p.seed(), "STORAGE", name, null, p.symmetric().keyBits());
    }

    private byte[] integrity(Protector p, byte[] name, byte[] protectedPart) {
        byte[] hmacKey = kdf.kdfa(p.hash(), p.seed(), "INTEGRITY", null, null, p.hash().digestSize() * 8);
        return suite.hmac(p.hash(), hmacKey, protectedPart, name);
    }
}
