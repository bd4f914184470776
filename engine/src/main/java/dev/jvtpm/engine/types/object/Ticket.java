package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMT_TK_CREATION, TPMT_TK_VERIFIED, TPMT_TK_AUTH and TPMT_TK_HASHCHECK (Part 2 §10.7): a tag,
 * the hierarchy it was produced in and an HMAC. A NULL ticket has hierarchy TPM_RH_NULL and an
 * empty digest.
 */
public record Ticket(int tag, int hierarchy, byte[] digest) {

    public static Ticket nullTicket(int tag) {
        return new Ticket(tag, TpmHandles.RH_NULL, new byte[0]);
    }

    /** TPMT_TK_CREATION_Unmarshal (tag TPM_ST_CREATION). */
    public static Ticket readCreation(TpmReader r) throws TpmException {
        return read(r, TpmSt.CREATION, TpmSt.CREATION);
    }

    /** TPMT_TK_VERIFIED_Unmarshal (tag TPM_ST_VERIFIED). */
    public static Ticket readVerified(TpmReader r) throws TpmException {
        return read(r, TpmSt.VERIFIED, TpmSt.VERIFIED);
    }

    /** TPMT_TK_AUTH_Unmarshal (tag TPM_ST_AUTH_SIGNED or TPM_ST_AUTH_SECRET). */
    public static Ticket readAuth(TpmReader r) throws TpmException {
        return read(r, TpmSt.AUTH_SIGNED, TpmSt.AUTH_SECRET);
    }

    /** TPMT_TK_HASHCHECK_Unmarshal (tag TPM_ST_HASHCHECK). */
    public static Ticket readHashcheck(TpmReader r) throws TpmException {
        return read(r, TpmSt.HASHCHECK, TpmSt.HASHCHECK);
    }

    /**
     * The tag is first a TPM_ST (TPM_RC_VALUE for a value that is no structure tag at all), then
     * must be the ticket's own (TPM_RC_TAG); the hierarchy is TPMI_RH_HIERARCHY+ (TPM_RC_VALUE);
     * the digest a TPM2B_DIGEST (TPM_RC_SIZE).
     */
    private static Ticket read(TpmReader r, int tagA, int tagB) throws TpmException {
        int tag = r.u16();
        if (!isStructureTag(tag)) {
            throw r.fail(TpmRc.VALUE);
        }
        if (tag != tagA && tag != tagB) {
            throw r.fail(TpmRc.TAG);
        }
        int hierarchy = r.u32();
        switch (hierarchy) {
            case TpmHandles.RH_OWNER: case TpmHandles.RH_PLATFORM: case TpmHandles.RH_ENDORSEMENT: case TpmHandles.RH_NULL:
                break;
            default:
                throw r.fail(TpmRc.VALUE);
        }
        return new Ticket(tag, hierarchy, r.tpm2b(ObjectLimits.DIGEST));
    }

    /** TPM_ST_Unmarshal's list (libtpms 0.9.2). */
    private static boolean isStructureTag(int tag) {
        switch (tag) {
            case TpmSt.RSP_COMMAND: case TpmSt.NULL: case TpmSt.NO_SESSIONS: case TpmSt.SESSIONS:
            case TpmSt.ATTEST_NV: case TpmSt.ATTEST_COMMAND_AUDIT: case TpmSt.ATTEST_SESSION_AUDIT:
            case TpmSt.ATTEST_CERTIFY: case TpmSt.ATTEST_QUOTE: case TpmSt.ATTEST_TIME: case TpmSt.ATTEST_CREATION:
            case TpmSt.CREATION: case TpmSt.VERIFIED: case TpmSt.AUTH_SECRET: case TpmSt.HASHCHECK: case TpmSt.AUTH_SIGNED:
                return true;
            default:
                return false;
        }
    }

    public void write(TpmWriter w) {
        w.u16(tag).u32(hierarchy).tpm2b(digest);
    }
}
