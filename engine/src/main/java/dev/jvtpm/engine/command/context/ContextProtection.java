package dev.jvtpm.engine.command.context;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.crypto.Kdf;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.ticket.HashCheckTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The protection of a context blob (Part 1 §30 "Context Management", libtpms Context_spt.c
 * ComputeContextProtectionKey / ComputeContextIntegrity and ContextSave/ContextLoad):
 * <pre>
 * contextBlob = integrity (TPM2B_DIGEST) ‖ AES-256-CFB(key, iv, sequence ‖ payload)
 * key ‖ iv   = KDFa(SHA-512, proof, "CONTEXT", sequence, savedHandle, 384)
 * integrity  = HMAC-SHA-512(proof, totalResetCount ‖ [clearCount] ‖ sequence ‖ savedHandle ‖ encrypted)
 * </pre>
 * with the proof of the context's hierarchy (the null proof for TPM_RH_NULL and sessions), so a
 * context dies with a TPM Reset (totalResetCount, null proof), a Clear or a re-seeding (proofs),
 * and an stClear object's with a TPM Restart (clearCount). Sessions use the same functions.
 */
public final class ContextProtection {
    private ContextProtection() {}

    private static final HashAlg INTEGRITY = HashCheckTickets.INTEGRITY_HASH;
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    /** The contextBlob for {@code payload}. */
    public static byte[] seal(TpmCore core, long sequence, int savedHandle, int hierarchy, byte[] payload) {
        byte[] plain = new TpmWriter(8 + payload.length).u64(sequence).bytes(payload).toByteArray();
        byte[][] keyIv = keyAndIv(core, sequence, savedHandle, hierarchy);
        byte[] encrypted = core.crypto.ciphers().aes(SymMode.CFB, true, keyIv[0], keyIv[1], plain);
        byte[] integrity = integrity(core, sequence, savedHandle, hierarchy, encrypted);
        return new TpmWriter(2 + integrity.length + encrypted.length).tpm2b(integrity).bytes(encrypted).toByteArray();
    }

    /**
     * The payload of a context, in TPM2_ContextLoad's order: the integrity TPM2B (TPM_RC_INSUFFICIENT
     * or TPM_RC_SIZE, unpositioned, when it does not unmarshal), its size (TPM_RC_SIZE at parameter
     * 1 unless 64), room for the fingerprint (TPM_RC_SIZE at parameter 1), the HMAC (TPM_RC_INTEGRITY
     * at parameter 1). A fingerprint that differs from the sequence after a good HMAC means the TPM
     * is broken: TPM_RC_FAILURE.
     */
    public static byte[] open(TpmCore core, SavedContext c) throws TpmException {
        TpmReader r = new TpmReader(c.contextBlob());
        byte[] integrity = r.tpm2b(64);
        if (integrity.length != INTEGRITY.digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        if (r.remaining() < 8) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        byte[] encrypted = r.rest();
        if (!MessageDigest.isEqual(integrity, integrity(core, c.sequence(), c.savedHandle(), c.hierarchy(), encrypted))) {
            throw TpmException.parameter(1, TpmRc.INTEGRITY);
        }
        byte[][] keyIv = keyAndIv(core, c.sequence(), c.savedHandle(), c.hierarchy());
        byte[] plain = core.crypto.ciphers().aes(SymMode.CFB, false, keyIv[0], keyIv[1], encrypted);
        byte[] fingerprint = new TpmWriter(8).u64(c.sequence()).toByteArray();
        if (!Arrays.equals(plain, 0, 8, fingerprint, 0, 8)) {
            throw new TpmException(TpmRc.FAILURE, "context fingerprint mismatch after a valid HMAC");
        }
        return Arrays.copyOfRange(plain, 8, plain.length);
    }

    private static byte[][] keyAndIv(TpmCore core, long sequence, int savedHandle, int hierarchy) {
        byte[] seq = new TpmWriter(8).u64(sequence).toByteArray();
        byte[] handle = new TpmWriter(4).u32(savedHandle).toByteArray();
        byte[] k = new Kdf(core.crypto.digests()).kdfa(INTEGRITY, core.proof(hierarchy), "CONTEXT", seq, handle,
                (KEY_BYTES + IV_BYTES) * 8);
        return new byte[][] {Arrays.copyOf(k, KEY_BYTES), Arrays.copyOfRange(k, KEY_BYTES, KEY_BYTES + IV_BYTES)};
    }

    private static byte[] integrity(TpmCore core, long sequence, int savedHandle, int hierarchy, byte[] encrypted) {
        Hasher h = core.crypto.digests().hmac(INTEGRITY, core.proof(hierarchy));
        h.update(new TpmWriter(8).u64(core.gp.totalResetCount).toByteArray());
        if (savedHandle == SavedContext.ST_CLEAR_OBJECT) {
            h.update(new TpmWriter(8).u64(core.gr.clearCount).toByteArray());
        }
        h.update(new TpmWriter(8).u64(sequence).toByteArray());
        h.updateU32(savedHandle);
        h.update(encrypted);
        return h.digest();
    }
}
