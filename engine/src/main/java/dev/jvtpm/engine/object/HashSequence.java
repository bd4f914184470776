package dev.jvtpm.engine.object;

import dev.jvtpm.engine.crypto.ExportableHash;
import dev.jvtpm.engine.ticket.HashCheckTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * A hash sequence started by TPM2_HashSequenceStart with a hash algorithm. Whether its digest may
 * get a TPMT_TK_HASHCHECK is decided by the first block of data only, as the reference decides
 * it: the first SequenceUpdate buffer (or the SequenceComplete buffer if there was none) must be
 * at least four bytes and not start with TPM_GENERATED_VALUE. A first block shorter than four
 * bytes, even an empty one, therefore means no ticket.
 */
public final class HashSequence extends SequenceObject {
    private final ExportableHash hash;
    private boolean firstBlockSeen;
    private boolean ticketSafe;

    public HashSequence(HashAlg alg, byte[] auth) {
        this(ExportableHash.start(alg), auth, false, false);
    }

    private HashSequence(ExportableHash hash, byte[] auth, boolean firstBlockSeen, boolean ticketSafe) {
        super(auth);
        this.hash = hash;
        this.firstBlockSeen = firstBlockSeen;
        this.ticketSafe = ticketSafe;
    }

    public HashAlg alg() {
        return hash.alg();
    }

    @Override
    public void update(byte[] data) {
        firstBlock(data);
        hash.update(data);
    }

    /** The digest and whether it may be ticketed; the sequence is finished afterwards. */
    public record Result(byte[] digest, boolean ticketSafe) {}

    /** Hashes {@code last} and completes the digest (TPM2_SequenceComplete). */
    public Result complete(byte[] last) {
        hash.update(last);
        firstBlock(last);
        return new Result(hash.digest(), ticketSafe);
    }

    private void firstBlock(byte[] data) {
        if (!firstBlockSeen) {
            firstBlockSeen = true;
            ticketSafe = HashCheckTickets.isSafe(data);
        }
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.HASH_SEQUENCE;
    }

    @Override
    void save(TpmWriter w) {
        w.u16(1).tpm2b(authValue()).u16(hash.alg().id());
        w.u8((firstBlockSeen ? 1 : 0) | (ticketSafe ? 2 : 0));
        byte[] state = hash.exportState();
        w.u32(state.length).bytes(state);
    }

    static HashSequence load(TpmReader r) throws TpmException {
        int version = r.u16();
        if (version != 1) {
            throw new TpmException(TpmRc.VALUE, "hash sequence version " + version);
        }
        byte[] auth = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
        HashAlg alg = HashAlg.fromId(r.u16());
        int flags = r.u8();
        byte[] state = r.bytes(lengthOf(r));
        if (alg == null) {
            throw new TpmException(TpmRc.HASH, "hash sequence of an unknown algorithm");
        }
        try {
            return new HashSequence(ExportableHash.resume(alg, state), auth, (flags & 1) != 0, (flags & 2) != 0);
        } catch (IllegalArgumentException e) {
            throw new TpmException(TpmRc.VALUE, e.getMessage());
        }
    }

    static int lengthOf(TpmReader r) throws TpmException {
        int n = r.u32();
        if (n < 0 || n > r.remaining()) {
            throw new TpmException(TpmRc.SIZE, "state length " + n);
        }
        return n;
    }
}
