package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.ticket.VerifiedTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;

/**
 * TPM2_PolicyAuthorize (Part 3 §23.16): replaces an approved policy by the policy of its
 * approver: when the policyDigest is approvedPolicy and checkTicket is the TPMT_TK_VERIFIED of
 * TPM2_VerifySignature over H(approvedPolicy ‖ policyRef) by the key keySign, the policyDigest
 * becomes H(H(0…0 ‖ TPM_CC_PolicyAuthorize ‖ keySign) ‖ policyRef) (trial sessions skip the
 * checks). TPM_RC_HASH (parameter 3) for a keySign whose name algorithm is not implemented,
 * TPM_RC_SIZE (parameter 3) for a keySign of the wrong length, TPM_RC_VALUE (parameter 1) for
 * another approvedPolicy, TPM_RC_VALUE (parameter 4) for a wrong ticket.
 */
public final class PolicyAuthorize extends Command<PolicyAuthorize.In, Void> {
    public record In(int policySession, byte[] approvedPolicy, byte[] policyRef, byte[] keySign, Ticket checkTicket) {}

    public PolicyAuthorize() {
        super(CommandDescriptor.builder(TpmCc.POLICY_AUTHORIZE)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] approved = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] ref = r.param(2).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] keySign = r.param(3).tpm2b(PolicyDuplicationSelect.MAX_NAME);
        return new In(handles[0], approved, ref, keySign, Ticket.readVerified(r.param(4)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        byte[] keySign = in.keySign();
        HashAlg nameAlg = keySign.length >= 2 ? HashAlg.fromId(((keySign[0] & 0xFF) << 8) | (keySign[1] & 0xFF)) : null;
        if (nameAlg == null) {
            throw TpmException.parameter(3, TpmRc.HASH);
        }
        if (nameAlg.digestSize() != keySign.length - 2) {
            throw TpmException.parameter(3, TpmRc.SIZE);
        }
        if (!s.trial) {
            if (!MessageDigest.isEqual(s.policyDigest(), in.approvedPolicy())) {
                throw TpmException.parameter(1, TpmRc.VALUE);
            }
            byte[] aHash = core.crypto.hash(nameAlg, in.approvedPolicy(), in.policyRef());
            if (!VerifiedTickets.isValid(core, in.checkTicket(), aHash, keySign)) {
                throw TpmException.parameter(4, TpmRc.VALUE);
            }
        }
        PolicyUpdate.clearDigest(s);
        PolicyUpdate.contextUpdate(core, s, TpmCc.POLICY_AUTHORIZE, keySign, in.policyRef(), null, 0);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
