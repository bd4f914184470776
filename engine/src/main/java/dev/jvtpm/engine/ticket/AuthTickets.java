package dev.jvtpm.engine.ticket;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.object.Ticket;

/**
 * TPMT_TK_AUTH (Part 2 §10.7.5; the reference's TicketComputeAuth), what TPM2_PolicySigned and
 * TPM2_PolicySecret return for a later TPM2_PolicyTicket: HMAC(proof of the hierarchy,
 * tag ‖ cpHashA ‖ policyRef ‖ authName ‖ timeout [‖ epoch ‖ totalResetCount]) with the context
 * integrity hash. A ticket with a timeout is bound to the time epoch (a 32-bit value, as libtpms
 * hashes its CLOCK_NONCE) and, when it expires on reset, to the TPM Reset count.
 */
public final class AuthTickets {
    private AuthTickets() {}

    public static Ticket compute(TpmCore core, int tag, int hierarchy, long timeout, boolean expiresOnReset,
                                 byte[] cpHashA, byte[] policyRef, byte[] authName) {
        Hasher h = core.crypto.digests().hmac(HashCheckTickets.INTEGRITY_HASH, core.proof(hierarchy))
                .updateU16(tag)
                .update(cpHashA)
                .update(policyRef)
                .update(authName)
                .updateU32((int) (timeout >>> 32)).updateU32((int) timeout);
        if (timeout != 0) {
            h.updateU32((int) core.ga.timeEpoch);
            if (expiresOnReset) {
                h.updateU32((int) (core.gp.totalResetCount >>> 32)).updateU32((int) core.gp.totalResetCount);
            }
        }
        return new Ticket(tag, hierarchy, h.digest());
    }
}
