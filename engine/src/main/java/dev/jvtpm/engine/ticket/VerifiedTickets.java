package dev.jvtpm.engine.ticket;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Ticket;
import java.security.MessageDigest;

/**
 * TPMT_TK_VERIFIED (Part 2 §10.7.4; libtpms TicketComputeVerified), what TPM2_VerifySignature
 * returns: HMAC(proof of the key's hierarchy, TPM_ST_VERIFIED ‖ digest ‖ keyName) with the context
 * integrity hash. TPM2_PolicyAuthorize checks it.
 */
public final class VerifiedTickets {
    private VerifiedTickets() {}

    public static Ticket compute(TpmCore core, int hierarchy, byte[] digest, byte[] keyName) {
        byte[] hmac = core.crypto.digests().hmac(HashCheckTickets.INTEGRITY_HASH, core.proof(hierarchy))
                .updateU16(TpmSt.VERIFIED)
                .update(digest)
                .update(keyName)
                .digest();
        return new Ticket(TpmSt.VERIFIED, hierarchy, hmac);
    }

    /** Whether {@code ticket} is the one this TPM issued for (digest, keyName). */
    public static boolean isValid(TpmCore core, Ticket ticket, byte[] digest, byte[] keyName) {
        return MessageDigest.isEqual(ticket.digest(), compute(core, ticket.hierarchy(), digest, keyName).digest());
    }
}
