package dev.jvtpm.engine.ticket;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Ticket;

/**
 * Issues TPMT_TK_HASHCHECK tickets (Part 2 §10.7.6) for TPM2_Hash and TPM2_SequenceComplete.
 *
 * <p>The ticket digest is HMAC(proof of the hierarchy, TPM_ST_HASHCHECK ‖ hashAlg ‖ digest) with
 * the context integrity hash (SHA-512, as libtpms, whose proofs are SHA-512 sized). Part 2 states
 * the HMAC over the tag and the digest; the reference implementation and libtpms also hash the
 * algorithm of the digest, and TPM2_Sign/VerifySignature recompute it that way, so that is what
 * this TPM does. TPM_RH_NULL uses the null proof, which changes on every TPM Reset.
 */
public final class HashCheckTickets {
    private HashCheckTickets() {}

    /** TPM_GENERATED_VALUE, the magic that starts every TPMS_ATTEST. */
    public static final int TPM_GENERATED_VALUE = 0xFF544347;

    /** The HMAC of tickets and contexts (CONTEXT_INTEGRITY_HASH_ALG). */
    public static final HashAlg INTEGRITY_HASH = HashAlg.SHA512;

    /**
     * TicketIsSafe: data may be ticketed when it is at least four bytes long and does not start
     * with TPM_GENERATED_VALUE. Shorter data is never "safe" here; TPM2_Hash treats short data
     * as safe itself, sequences do not (as in the reference).
     */
    public static boolean isSafe(byte[] data) {
        if (data.length < 4) {
            return false;
        }
        int head = ((data[0] & 0xFF) << 24) | ((data[1] & 0xFF) << 16) | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        return head != TPM_GENERATED_VALUE;
    }

    /** TicketComputeHashCheck for {@code hierarchy} (any of owner, endorsement, platform, null). */
    public static Ticket compute(TpmCore core, int hierarchy, HashAlg hashAlg, byte[] digest) {
        byte[] hmac = core.crypto.digests().hmac(INTEGRITY_HASH, core.proof(hierarchy))
                .updateU16(TpmSt.HASHCHECK)
                .updateU16(hashAlg.id())
                .update(digest)
                .digest();
        return new Ticket(TpmSt.HASHCHECK, hierarchy, hmac);
    }

    /**
     * The ticket for {@code digest}: NULL when no hierarchy was asked for or the data is not safe
     * to ticket, else one computed with the hierarchy's proof.
     */
    public static Ticket issue(TpmCore core, int hierarchy, boolean safe, HashAlg hashAlg, byte[] digest) {
        if (hierarchy == TpmHandles.RH_NULL || !safe) {
            return Ticket.nullTicket(TpmSt.HASHCHECK);
        }
        return compute(core, hierarchy, hashAlg, digest);
    }
}
