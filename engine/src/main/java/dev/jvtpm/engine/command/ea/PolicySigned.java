package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Entity;
import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.Signing;
import dev.jvtpm.engine.ticket.AuthTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Signature;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicySigned (Part 3 §23.3): a signature by authObject over aHash = H(nonceTPM ‖ expiration
 * ‖ cpHashA ‖ policyRef) (the signature's hash) becomes part of the policy: policyDigest :=
 * H(H(policyDigest ‖ TPM_CC_PolicySigned ‖ authName) ‖ policyRef). Trial sessions skip the
 * checks. For a negative expiration a real session also gets a timeout and a TPMT_TK_AUTH.
 * TPM_RC_NONCE (parameter 1), TPM_RC_SIZE (parameter 2) or TPM_RC_CPHASH, TPM_RC_EXPIRED
 * (parameter 4) from the parameter checks; at parameter 5 TPM_RC_SCHEME for a signature the key
 * type cannot make, TPM_RC_SIGNATURE when it does not verify, TPM_RC_HANDLE for an HMAC key
 * without its sensitive part.
 */
public final class PolicySigned extends Command<PolicySigned.In, PolicySecret.Out> {
    public record In(int authObject, int policySession, byte[] nonceTPM, byte[] cpHashA, byte[] policyRef,
                     int expiration, Signature auth) {}

    public PolicySigned() {
        super(CommandDescriptor.builder(TpmCc.POLICY_SIGNED)
                .handle("authObject", HandleTypes.OBJECT)
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
        int expiration = r.param(4).u32();
        return new In(handles[0], handles[1], nonce, cpHash, ref, expiration, Signature.read(r.param(5), false));
    }

    @Override
    public PolicySecret.Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        Entity authObject = ctx.entity(0);
        long authTimeout = 0;
        if (!s.trial) {
            authTimeout = PolicyUpdate.authTimeout(core, s, in.expiration(), in.nonceTPM());
            PolicyUpdate.parameterChecks(core, s, authTimeout, in.cpHashA(), in.nonceTPM(), 1, 2, 4);
            HashAlg hash = signatureHash(in.auth());
            byte[] aHash = core.crypto.hasher(hash).update(in.nonceTPM()).updateU32(in.expiration())
                    .update(in.cpHashA()).update(in.policyRef()).digest();
            LoadedObject o = core.objects.get(in.authObject());
            if (!(o instanceof KeyObject key)) {
                throw TpmException.parameter(5, TpmRc.SCHEME);
            }
            try {
                new Signing(core.crypto).verify(key, aHash, in.auth());
            } catch (TpmException e) {
                throw e.atParameter(5);
            }
        }
        byte[] name = authObject.name();
        PolicyUpdate.contextUpdate(core, s, TpmCc.POLICY_SIGNED, name, in.policyRef(), in.cpHashA(), authTimeout);
        if (in.expiration() < 0 && !s.trial) {
            boolean expiresOnReset = in.nonceTPM().length == 0;
            long timeout = authTimeout & ~PolicyUpdate.EXPIRATION_BIT;
            Ticket ticket = AuthTickets.compute(core, TpmSt.AUTH_SIGNED, authObject.hierarchy(), timeout,
                    expiresOnReset, in.cpHashA(), in.policyRef(), name);
            long buffer = expiresOnReset ? timeout | PolicyUpdate.EXPIRATION_BIT : timeout;
            return new PolicySecret.Out(new TpmWriter(8).u64(buffer).toByteArray(), ticket);
        }
        return new PolicySecret.Out(new byte[0], new Ticket(TpmSt.AUTH_SIGNED, TpmHandles.RH_NULL, new byte[0]));
    }

    /** CryptGetSignHashAlg: the hash the signature was made with. */
    private static HashAlg signatureHash(Signature sig) {
        if (sig instanceof Signature.Rsa rsa) {
            return rsa.hash();
        }
        if (sig instanceof Signature.Ecdsa ecdsa) {
            return ecdsa.hash();
        }
        return ((Signature.Hmac) sig).hash();
    }

    @Override
    public void encode(PolicySecret.Out out, TpmWriter w) {
        w.tpm2b(out.timeout());
        w.u16(out.policyTicket().tag()).u32(out.policyTicket().hierarchy()).tpm2b(out.policyTicket().digest());
    }
}
