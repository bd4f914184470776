package dev.jvtpm.daemon.ctrl;

import dev.jvtpm.daemon.device.Engine;
import dev.jvtpm.daemon.device.Vtpm;
import dev.jvtpm.engine.state.BlobKind;
import dev.jvtpm.engine.state.SealedEnvelope;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.state.StateKey;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * GET_STATEBLOB and SET_STATEBLOB on the socket protocol (single shot, no chunking). Blobs are
 * jvtpm's own format: plaintext when DECRYPTED is asked for, else sealed with the state key
 * (flag ENCRYPTED); with a migration key configured the whole blob is sealed once more under
 * it. SET recognises both layers by the key id each sealed layer names, so a blob sealed with a
 * key this daemon lacks is refused with TPM_KEYNOTFOUND rather than mistaken for tampering.
 */
final class BlobTransfer {
    /** Request flag: strip the state-key encryption. */
    static final int FLAG_DECRYPTED = 1;
    /** Response/SET flag: the data is state-key encrypted. */
    static final int FLAG_ENCRYPTED = 2;
    static final int HEADER = 16;

    private BlobTransfer() {}

    /** The whole GET_STATEBLOB response: 16-byte header, then the blob from {@code offset}. */
    static byte[] get(Vtpm vtpm, int flags, int type, int offset) {
        BlobKind kind = BlobKind.fromPtmType(type);
        if (kind == null) {
            return header(PtmResult.RETRY, 0, 0);
        }
        boolean decrypted = (flags & FLAG_DECRYPTED) != 0;
        byte[] data;
        synchronized (vtpm) {
            Engine e = vtpm.engine();
            Optional<byte[]> blob;
            try {
                blob = e.tpm().getStateBlob(kind, decrypted);
            } catch (StateException ex) {
                vtpm.log().error("Could not get the " + kind.fileSuffix() + " state blob: " + ex.getMessage());
                return header(PtmResult.FAIL, 0, 0);
            }
            if (blob.isEmpty()) {
                return header(PtmResult.RETRY, 0, 0);
            }
            data = blob.get();
            if (e.migrationKey() != null) {
                data = e.envelope().seal(e.migrationKey(), kind, data);
            }
        }
        int stateFlags = decrypted ? 0 : FLAG_ENCRYPTED;
        long off = Integer.toUnsignedLong(offset);
        int length = off < data.length ? data.length - (int) off : 0;
        ByteBuffer out = ByteBuffer.allocate(HEADER + length);
        out.put(header(PtmResult.SUCCESS, stateFlags, length));
        out.put(data, data.length - length, length);
        return out.array();
    }

    private static byte[] header(int result, int stateFlags, int length) {
        return ByteBuffer.allocate(HEADER).putInt(result).putInt(stateFlags).putInt(length).putInt(length).array();
    }

    /** SET_STATEBLOB with the whole blob received; the TPM is stopped. Returns the result code. */
    static int set(Vtpm vtpm, int flags, int type, byte[] blob) {
        BlobKind kind = BlobKind.fromPtmType(type);
        if (kind == null) {
            vtpm.log().error("SET_STATEBLOB: unknown blob type " + type);
            return PtmResult.BAD_PARAMETER;
        }
        if (kind == BlobKind.SAVESTATE) {
            if (blob.length == 0) {
                return PtmResult.SUCCESS; // a TPM 2.0 has no savestate blob; nothing to clear
            }
            vtpm.log().error("SET_STATEBLOB: a TPM 2.0 has no savestate blob");
            return PtmResult.BAD_PARAMETER;
        }
        synchronized (vtpm) {
            Engine e = vtpm.engine();
            try {
                e.store().lock();
            } catch (StateException ex) {
                vtpm.log().error("Could not lock access to the state: " + ex.getMessage());
                return PtmResult.FAIL;
            }
            byte[] data = blob;
            try {
                if (data.length > 0) {
                    if (e.migrationKey() != null && sealedWith(data, e.migrationKey())) {
                        data = e.envelope().open(e.migrationKey(), kind, data, "migration-sealed " + kind.fileSuffix()
                                + " blob");
                    }
                    if (SealedEnvelope.looksSealed(data)) {
                        if (!sealedWith(data, e.stateKey())) {
                            vtpm.log().error("SET_STATEBLOB: the " + kind.fileSuffix() + " blob is sealed with key id "
                                    + SealedEnvelope.keyIdOf(data).map(java.util.HexFormat.of()::formatHex).orElse("?")
                                    + ", which is neither the state key nor the migration key");
                            return PtmResult.KEYNOTFOUND;
                        }
                        data = e.envelope().open(e.stateKey(), kind, data, "sealed " + kind.fileSuffix() + " blob");
                    } else if ((flags & FLAG_ENCRYPTED) != 0) {
                        vtpm.log().error("SET_STATEBLOB: the blob is flagged encrypted but is not a sealed jvtpm blob");
                        return PtmResult.DECRYPT_ERROR;
                    }
                }
            } catch (StateException ex) {
                vtpm.log().error("SET_STATEBLOB: " + ex.getMessage());
                return PtmResult.DECRYPT_ERROR;
            }
            try {
                e.tpm().setStateBlob(kind, data, false);
            } catch (StateException ex) {
                vtpm.log().error("SET_STATEBLOB: " + ex.getMessage());
                return PtmResult.BAD_PARAMETER;
            }
            vtpm.log().info("SET_STATEBLOB: " + kind.fileSuffix() + " blob of " + blob.length
                    + " bytes accepted; applied at the next INIT");
            return PtmResult.SUCCESS;
        }
    }

    private static boolean sealedWith(byte[] blob, StateKey key) {
        return SealedEnvelope.keyIdOf(blob).map(id -> MessageDigest.isEqual(id, key.id())).orElse(false);
    }
}
