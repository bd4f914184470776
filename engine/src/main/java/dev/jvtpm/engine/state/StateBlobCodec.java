package dev.jvtpm.engine.state;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plaintext blob format, version 1:
 * <pre>
 *   u32 magic "JVTS", u16 format version, u16 blob kind (1 permanent, 2 volatile),
 *   u16 section count, then per section: u16 tag, u32 length, body,
 *   then 32 bytes SHA-256 over everything before it.
 * </pre>
 * The digest catches corruption of plaintext blobs that travel outside the sealed store
 * (migration streams, {@code swtpm_ioctl --save} files); sealing adds authenticity on top.
 */
public final class StateBlobCodec {
    public static final int MAGIC = 0x4A565453; // "JVTS"
    public static final int FORMAT_VERSION = 1;
    private static final int DIGEST_LEN = 32;

    private StateBlobCodec() {}

    public static byte[] encode(BlobKind kind, List<StateSection> sections) {
        TpmWriter w = new TpmWriter(4096);
        w.u32(MAGIC).u16(FORMAT_VERSION).u16(kind.ptmType()).u16(sections.size());
        for (StateSection s : sections) {
            w.u16(s.tag());
            int mark = w.beginSized32();
            s.save(w);
            w.endSized32(mark);
        }
        byte[] body = w.toByteArray();
        byte[] digest = sha256(body);
        byte[] out = Arrays.copyOf(body, body.length + DIGEST_LEN);
        System.arraycopy(digest, 0, out, body.length, DIGEST_LEN);
        return out;
    }

    /** Checks a blob without loading it: magic, version, kind, digest, section framing. */
    public static void verify(BlobKind kind, byte[] blob, String origin) throws StateException {
        parse(kind, blob, origin);
    }

    /**
     * Loads every section of {@code blob} into {@code sections}; sections absent from the blob are
     * reset. Either all sections load or the caller must discard them (they may be half-loaded).
     */
    public static void decode(BlobKind kind, byte[] blob, List<StateSection> sections, String origin)
            throws StateException {
        Map<Integer, TpmReader> bodies = parse(kind, blob, origin);
        Map<Integer, StateSection> byTag = new HashMap<>();
        for (StateSection s : sections) {
            byTag.put(s.tag(), s);
        }
        for (Integer tag : bodies.keySet()) {
            if (!byTag.containsKey(tag)) {
                throw new StateException(origin + ": unknown state section " + tag
                        + " (written by a newer jvtpm?)");
            }
        }
        for (StateSection s : sections) {
            TpmReader r = bodies.get(s.tag());
            if (r == null) {
                s.reset();
                continue;
            }
            try {
                s.load(r);
            } catch (TpmException | RuntimeException e) {
                throw new StateException(origin + ": state section '" + s.name() + "' is malformed", e);
            }
            if (r.hasRemaining()) {
                throw new StateException(origin + ": state section '" + s.name() + "' has "
                        + r.remaining() + " unexpected trailing bytes");
            }
        }
    }

    private static Map<Integer, TpmReader> parse(BlobKind kind, byte[] blob, String origin) throws StateException {
        if (blob.length < 12 + DIGEST_LEN) {
            throw new StateException(origin + ": state blob truncated (" + blob.length + " bytes)");
        }
        int bodyLen = blob.length - DIGEST_LEN;
        byte[] want = sha256(Arrays.copyOf(blob, bodyLen));
        if (!MessageDigest.isEqual(want, Arrays.copyOfRange(blob, bodyLen, blob.length))) {
            throw new StateException(origin + ": state blob checksum mismatch (corrupted or truncated)");
        }
        TpmReader r = new TpmReader(blob, 0, bodyLen);
        try {
            if (r.u32() != MAGIC) {
                throw new StateException(origin + ": not a jvtpm state blob (bad magic)");
            }
            int version = r.u16();
            if (version != FORMAT_VERSION) {
                throw new StateException(origin + ": state format version " + version
                        + " is not supported (this jvtpm reads version " + FORMAT_VERSION + ")");
            }
            int k = r.u16();
            if (k != kind.ptmType()) {
                throw new StateException(origin + ": blob holds " + BlobKind.fromPtmType(k)
                        + " state where " + kind + " was expected");
            }
            int count = r.u16();
            Map<Integer, TpmReader> bodies = new HashMap<>();
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int tag = r.u16();
                int len = r.u32();
                if (!seen.add(tag)) {
                    throw new StateException(origin + ": duplicate state section " + tag);
                }
                bodies.put(tag, r.slice(len));
            }
            if (r.hasRemaining()) {
                throw new StateException(origin + ": " + r.remaining() + " trailing bytes after sections");
            }
            return bodies;
        } catch (TpmException e) {
            throw new StateException(origin + ": state blob framing is malformed", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
