package dev.jvtpm.engine.ticket;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Ticket;
import java.security.MessageDigest;

/**
 * TPMT_TK_CREATION (Part 2 §10.7.3; libtpms TicketComputeCreation): HMAC(proof of the hierarchy,
 * TPM_ST_CREATION ‖ name ‖ creationHash) with the context integrity hash. Every hierarchy gets a
 * real ticket, TPM_RH_NULL with the null proof (so it dies with the next TPM Reset).
 */
public final class CreationTickets {
    private CreationTickets() {}

    public static Ticket compute(TpmCore core, int hierarchy, byte[] name, byte[] creationHash) {
        byte[] hmac = core.crypto.digests().hmac(HashCheckTickets.INTEGRITY_HASH, core.proof(hierarchy))
                .updateU16(TpmSt.CREATION)
                .update(name)
                .update(creationHash)
                .digest();
        return new Ticket(TpmSt.CREATION, hierarchy, hmac);
    }

    /** Whether {@code ticket} is the one this TPM issued for (name, creationHash) in its hierarchy. */
    public static boolean isValid(TpmCore core, Ticket ticket, byte[] name, byte[] creationHash) {
        return MessageDigest.isEqual(ticket.digest(), compute(core, ticket.hierarchy(), name, creationHash).digest());
    }
}
