package dev.jvtpm.engine.state;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * The sealed form of a state blob (on disk, and on the control channel when not decrypted):
 * <pre>
 *   "JVTPMENC" | u16 version=1 | u16 blob kind | key id[8] | nonce[12] | u32 n | ciphertext+tag[n]
 * </pre>
 * AES-256-GCM under the key's sealing key, with everything before the ciphertext as associated
 * data, so a blob cannot be replayed as another kind or re-labelled with another key id. A fresh
 * random nonce per seal; the same key seals at most a few million blobs in a TPM's life, far
 * below GCM's random-nonce bound.
 */
public final class SealedEnvelope {
    private static final byte[] MAGIC = "JVTPMENC".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    private static final int HEADER = 8 + 2 + 2 + 8 + 12 + 4;

    private final CipherFamily aes;
    private final SecureRandom random = new SecureRandom();

    public SealedEnvelope(CipherFamily aes) {
        this.aes = aes;
    }

    public static boolean looksSealed(byte[] blob) {
        return blob.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(blob, MAGIC.length), MAGIC);
    }

    /**
     * The identifier of the key a sealed blob was sealed with (see {@link StateKey#id()}), or
     * empty when {@code blob} is not a sealed blob; lets a caller tell "sealed with a key I do
     * not have" from "tampered" before opening it.
     */
    public static java.util.Optional<byte[]> keyIdOf(byte[] blob) {
        if (!looksSealed(blob) || blob.length < MAGIC.length + 4 + 8) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Arrays.copyOfRange(blob, MAGIC.length + 4, MAGIC.length + 12));
    }

    public byte[] seal(StateKey key, BlobKind kind, byte[] plaintext) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        TpmWriter w = new TpmWriter(HEADER + plaintext.length + 16);
        w.bytes(MAGIC).u16(VERSION).u16(kind.ptmType()).bytes(key.id()).bytes(nonce).u32(plaintext.length + 16);
        byte[] header = w.toByteArray();
        w.bytes(aes.gcmSeal(key.sealingKey(), nonce, header, plaintext));
        return w.toByteArray();
    }

    /** Opens a sealed blob; {@code origin} names the file or channel in every message. */
    public byte[] open(StateKey key, BlobKind kind, byte[] sealed, String origin) throws StateException {
        if (!looksSealed(sealed)) {
            throw new StateException(origin + ": not a sealed jvtpm state blob (bad magic)");
        }
        if (sealed.length < HEADER) {
            throw new StateException(origin + ": truncated (" + sealed.length + " bytes, header alone is "
                    + HEADER + ")");
        }
        TpmReader r = new TpmReader(sealed);
        try {
            r.skip(MAGIC.length);
            int version = r.u16();
            if (version != VERSION) {
                throw new StateException(origin + ": sealed format version " + version + " is not supported");
            }
            int k = r.u16();
            if (k != kind.ptmType()) {
                throw new StateException(origin + ": holds " + BlobKind.fromPtmType(k) + " state where "
                        + kind + " was expected");
            }
            byte[] keyId = r.bytes(8);
            byte[] nonce = r.bytes(12);
            int n = r.u32();
            if (n < 16 || n != r.remaining()) {
                throw new StateException(origin + ": truncated or padded (header says " + n
                        + " bytes of ciphertext, file has " + r.remaining() + ")");
            }
            if (!MessageDigest.isEqual(keyId, key.id())) {
                throw new StateException(origin + ": sealed with a different key (key id "
                        + java.util.HexFormat.of().formatHex(keyId) + "), but " + key.source() + " has key id "
                        + key.idHex() + "; refusing to use it");
            }
            byte[] header = Arrays.copyOf(sealed, HEADER);
            try {
                return aes.gcmOpen(key.sealingKey(), nonce, header, r.rest());
            } catch (AEADBadTagException e) {
                throw new StateException(origin + ": authentication failed: the file was modified or corrupted");
            }
        } catch (TpmException e) {
            throw new StateException(origin + ": malformed sealed header", e);
        }
    }
}
