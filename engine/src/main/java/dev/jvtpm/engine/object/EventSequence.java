package dev.jvtpm.engine.object;

import dev.jvtpm.engine.crypto.ExportableHash;
import dev.jvtpm.engine.pcr.DigestValues;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An event sequence: one running digest per implemented hash, whatever the PCR allocation. Started
 * by TPM2_HashSequenceStart with TPM_ALG_NULL and by the platform's _TPM_Hash_Start (the DRTM
 * sequence, which has no authValue).
 */
public final class EventSequence extends SequenceObject {
    private final ExportableHash[] hashes;

    public EventSequence(byte[] auth) {
        this(startAll(), auth);
    }

    private EventSequence(ExportableHash[] hashes, byte[] auth) {
        super(auth);
        this.hashes = hashes;
    }

    private static ExportableHash[] startAll() {
        ExportableHash[] h = new ExportableHash[HashAlg.values().length];
        for (HashAlg alg : HashAlg.values()) {
            h[alg.ordinal()] = ExportableHash.start(alg);
        }
        return h;
    }

    @Override
    public void update(byte[] data) {
        for (ExportableHash h : hashes) {
            h.update(data);
        }
    }

    /** Hashes {@code last} and completes every digest, in implemented-hash order. */
    public List<DigestValues.Digest> complete(byte[] last) {
        List<DigestValues.Digest> out = new ArrayList<>(hashes.length);
        for (HashAlg alg : HashAlg.values()) {
            out.add(new DigestValues.Digest(alg, hashes[alg.ordinal()].update(last).digest()));
        }
        return out;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.EVENT_SEQUENCE;
    }

    @Override
    void save(TpmWriter w) {
        w.u16(1).tpm2b(authValue()).u16(hashes.length);
        for (ExportableHash h : hashes) {
            byte[] state = h.exportState();
            w.u16(h.alg().id()).u32(state.length).bytes(state);
        }
    }

    static EventSequence load(TpmReader r) throws TpmException {
        int version = r.u16();
        if (version != 1) {
            throw new TpmException(TpmRc.VALUE, "event sequence version " + version);
        }
        byte[] auth = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        int n = r.u16();
        ExportableHash[] hashes = new ExportableHash[HashAlg.values().length];
        for (int i = 0; i < n; i++) {
            HashAlg alg = HashAlg.fromId(r.u16());
            byte[] state = r.bytes(HashSequence.lengthOf(r));
            if (alg == null) {
                throw new TpmException(TpmRc.HASH, "event sequence hash of an unknown algorithm");
            }
            try {
                hashes[alg.ordinal()] = ExportableHash.resume(alg, state);
            } catch (IllegalArgumentException e) {
                throw new TpmException(TpmRc.VALUE, e.getMessage());
            }
        }
        for (HashAlg alg : HashAlg.values()) {
            if (hashes[alg.ordinal()] == null) {
                throw new TpmException(TpmRc.VALUE, "event sequence lacks its " + alg + " digest");
            }
        }
        return new EventSequence(hashes, auth);
    }
}
