package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * TPM2_PolicyOR (Part 3 §23.6): when the policyDigest is one of the 2 to 8 digests of pHashList
 * (any, for a trial session) it becomes H(0…0 ‖ TPM_CC_PolicyOR ‖ digests...). TPM_RC_VALUE
 * (parameter 1) when none matches; TPM_RC_SIZE (parameter 1) for fewer than 2 or more than 8.
 */
public final class PolicyOr extends Command<PolicyOr.In, Void> {
    public record In(int policySession, List<byte[]> pHashList) {}

    public PolicyOr() {
        super(CommandDescriptor.builder(TpmCc.POLICY_OR)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .build());
    }

    /** TPML_DIGEST with at least two entries (TPM_RC_SIZE), at most eight. */
    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int count = r.param(1).u32();
        if (count < 2 || count > 8) {
            throw r.fail(TpmRc.SIZE);
        }
        List<byte[]> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(r.tpm2b(HashAlg.MAX_DIGEST_SIZE));
        }
        return new In(handles[0], list);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Session s = ctx.core().sessions().get(in.policySession());
        boolean match = s.trial;
        for (byte[] d : in.pHashList()) {
            match |= MessageDigest.isEqual(d, s.policyDigest());
        }
        if (!match) {
            throw TpmException.parameter(1, TpmRc.VALUE);
        }
        Hasher h = ctx.core().crypto.hasher(s.authHash).update(new byte[s.authHash.digestSize()])
                .updateU32(TpmCc.POLICY_OR);
        for (byte[] d : in.pHashList()) {
            h.update(d);
        }
        s.u2 = h.digest();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
