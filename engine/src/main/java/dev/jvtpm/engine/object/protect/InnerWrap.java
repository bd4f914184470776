package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;

/**
 * The inner wrap of a duplication blob (Part 1 §23.3.2.3, Part 3 §13.1 TPM2_Duplicate):
 * innerIntegrity = H<sub>nameAlg</sub>(plaintext ‖ name) as a TPM2B in front, then the whole
 * encrypted in CFB mode with the caller's (or TPM-chosen) encryptionKey and a zero IV.
 * libtpms ProduceInnerIntegrity / CheckInnerIntegrity.
 */
final class InnerWrap {
    private final CryptoSuite suite;

    InnerWrap(CryptoSuite suite) {
        this.suite = suite;
    }

    byte[] produce(HashAlg nameAlg, byte[] name, byte[] key, byte[] plaintext) {
        TpmWriter w = new TpmWriter(plaintext.length + 66);
        w.tpm2b(suite.hash(nameAlg, plaintext, name));
        w.bytes(plaintext);
        return suite.ciphers().aes(SymMode.CFB, true, key, new byte[16], w.toByteArray());
    }

    /** The plaintext; TPM_RC_INSUFFICIENT / TPM_RC_SIZE when the integrity TPM2B does not parse, TPM_RC_INTEGRITY on mismatch. */
    byte[] unwrap(HashAlg nameAlg, byte[] name, byte[] key, byte[] blob) throws TpmException {
        byte[] plain = suite.ciphers().aes(SymMode.CFB, false, key, new byte[16], blob);
        TpmReader r = new TpmReader(plain);
        byte[] integrity = r.tpm2b(ObjectLimits.DIGEST);
        byte[] rest = r.rest();
        if (!MessageDigest.isEqual(integrity, suite.hash(nameAlg, rest, name))) {
            throw new TpmException(TpmRc.INTEGRITY);
        }
        return rest;
    }
}
