package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.ticket.AuthTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;

/**
 * TPM2_PolicyTicket (Part 3 §23.5): a TPMT_TK_AUTH from an earlier TPM2_PolicySigned or
 * TPM2_PolicySecret stands in for that authorization: the policy is updated as that command
 * would. Not for trial sessions (TPM_RC_ATTRIBUTES, handle 1). TPM_RC_SIZE (parameter 1) for a
 * timeout that is not 8 bytes; TPM_RC_EXPIRED (parameter 1) when it is past or from another
 * epoch; TPM_RC_SIZE (parameter 2) or TPM_RC_CPHASH for a bad cpHashA; TPM_RC_TICKET
 * (parameter 5) for a ticket this TPM did not issue for these values.
 */
public final class PolicyTicket extends Command<PolicyTicket.In, Void> {
    public record In(int policySession, byte[] timeout, byte[] cpHashA, byte[] policyRef, byte[] authName,
                     Ticket ticket) {}

    public PolicyTicket() {
        super(CommandDescriptor.builder(TpmCc.POLICY_TICKET)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] timeout = r.param(1).tpm2b(8);
        byte[] cpHash = r.param(2).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] ref = r.param(3).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] name = r.param(4).tpm2b(PolicyDuplicationSelect.MAX_NAME);
        return new In(handles[0], timeout, cpHash, ref, name, Ticket.readAuth(r.param(5)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        if (s.trial) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        if (in.timeout().length != 8) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        long timeout = new TpmReader(in.timeout()).u64();
        boolean expiresOnReset = (timeout & PolicyUpdate.EXPIRATION_BIT) != 0;
        timeout &= ~PolicyUpdate.EXPIRATION_BIT;
        PolicyUpdate.parameterChecks(core, s, timeout, in.cpHashA(), null, 0, 2, 1);
        Ticket expected = AuthTickets.compute(core, in.ticket().tag(), in.ticket().hierarchy(), timeout,
                expiresOnReset, in.cpHashA(), in.policyRef(), in.authName());
        if (!MessageDigest.isEqual(in.ticket().digest(), expected.digest())) {
            throw TpmException.parameter(5, TpmRc.TICKET);
        }
        int commandCode = in.ticket().tag() == TpmSt.AUTH_SIGNED ? TpmCc.POLICY_SIGNED : TpmCc.POLICY_SECRET;
        PolicyUpdate.contextUpdate(core, s, commandCode, in.authName(), in.policyRef(), in.cpHashA(), timeout);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
