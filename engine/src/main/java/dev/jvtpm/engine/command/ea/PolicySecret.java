package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Entity;
import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.ticket.AuthTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicySecret (Part 3 §23.4): the authorization of authHandle (checked by its session
 * like any other) becomes part of the policy: policyDigest := H(H(policyDigest ‖
 * TPM_CC_PolicySecret ‖ authName) ‖ policyRef). For a negative expiration a real session also
 * gets a timeout and a TPMT_TK_AUTH for TPM2_PolicyTicket. TPM_RC_NONCE (parameter 1) for a
 * nonceTPM that is not the session's; TPM_RC_SIZE (parameter 2) or TPM_RC_CPHASH for a bad
 * cpHashA; TPM_RC_EXPIRED (parameter 4) for a timeout already past.
 */
public final class PolicySecret extends Command<PolicySecret.In, PolicySecret.Out> {
    public record In(int authHandle, int policySession, byte[] nonceTPM, byte[] cpHashA, byte[] policyRef,
                     int expiration) {}

    public record Out(byte[] timeout, Ticket policyTicket) {}

    public PolicySecret() {
        super(CommandDescriptor.builder(TpmCc.POLICY_SECRET)
                .handle("authHandle", HandleTypes.ENTITY, AuthRole.USER)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] nonce = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] cpHash = r.param(2).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] ref = r.param(3).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return new In(handles[0], handles[1], nonce, cpHash, ref, r.param(4).u32());
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        long authTimeout = 0;
        if (!s.trial) {
            authTimeout = PolicyUpdate.authTimeout(core, s, in.expiration(), in.nonceTPM());
            PolicyUpdate.parameterChecks(core, s, authTimeout, in.cpHashA(), in.nonceTPM(), 1, 2, 4);
        }
        Entity auth = ctx.entity(0);
        byte[] name = auth.name();
        PolicyUpdate.contextUpdate(core, s, TpmCc.POLICY_SECRET, name, in.policyRef(), in.cpHashA(), authTimeout);
        if (in.expiration() < 0 && !s.trial && !auth.pinPass()) {
            boolean expiresOnReset = in.nonceTPM().length == 0;
            long timeout = authTimeout & ~PolicyUpdate.EXPIRATION_BIT;
            Ticket ticket = AuthTickets.compute(core, TpmSt.AUTH_SECRET, auth.hierarchy(), timeout, expiresOnReset,
                    in.cpHashA(), in.policyRef(), name);
            long buffer = expiresOnReset ? timeout | PolicyUpdate.EXPIRATION_BIT : timeout;
            return new Out(new TpmWriter(8).u64(buffer).toByteArray(), ticket);
        }
        return new Out(new byte[0], new Ticket(TpmSt.AUTH_SECRET, TpmHandles.RH_NULL, new byte[0]));
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.timeout());
        w.u16(out.policyTicket().tag()).u32(out.policyTicket().hierarchy()).tpm2b(out.policyTicket().digest());
    }
}
