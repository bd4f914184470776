package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.nv.NvHandles;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * TPM2_PolicyAuthorizeNV (Part 3 §23.22): replaces the policyDigest by the policy of an NV
 * index when the index (read with its read authorization) holds a TPMT_HA equal to the current
 * policyDigest: policyDigest := H(0…0 ‖ TPM_CC_PolicyAuthorizeNV ‖ nvIndex Name). Trial sessions
 * skip the checks. TPM_RC_NV_LOCKED, TPM_RC_NV_AUTHORIZATION or TPM_RC_NV_UNINITIALIZED from the
 * read access checks; TPM_RC_HASH or TPM_RC_INSUFFICIENT when the index does not start with a
 * TPMT_HA of an implemented hash; TPM_RC_HASH when that hash is not the session's; TPM_RC_VALUE
 * when the digest is not the policyDigest.
 */
public final class PolicyAuthorizeNv extends Command<PolicyAuthorizeNv.In, Void> {
    public record In(int authHandle, int nvIndex, int policySession) {}

    /** sizeof(TPMT_HA): the hash algorithm and the largest digest. */
    private static final int MAX_HA_SIZE = 2 + HashAlg.MAX_DIGEST_SIZE;

    public PolicyAuthorizeNv() {
        super(CommandDescriptor.builder(TpmCc.POLICY_AUTHORIZE_NV)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) {
        return new In(handles[0], handles[1], handles[2]);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        if (!s.trial) {
            NvIndex idx = NvHandles.index(ctx, 1);
            NvHandles.require(NvAccess.read(in.authHandle(), idx));
            byte[] policyInNv = idx.read(0, Math.min(idx.dataSize(), MAX_HA_SIZE));
            if (policyInNv.length < 2) {
                throw new TpmException(TpmRc.INSUFFICIENT);
            }
            HashAlg alg = HashAlg.fromId(((policyInNv[0] & 0xFF) << 8) | (policyInNv[1] & 0xFF));
            if (alg == null) {
                throw new TpmException(TpmRc.HASH);
            }
            if (policyInNv.length - 2 < alg.digestSize()) {
                throw new TpmException(TpmRc.INSUFFICIENT);
            }
            if (alg != s.authHash) {
                throw new TpmException(TpmRc.HASH);
            }
            byte[] digest = Arrays.copyOfRange(policyInNv, 2, 2 + alg.digestSize());
            if (!MessageDigest.isEqual(digest, s.policyDigest())) {
                throw new TpmException(TpmRc.VALUE);
            }
        }
        PolicyUpdate.clearDigest(s);
        PolicyUpdate.contextUpdate(core, s, TpmCc.POLICY_AUTHORIZE_NV, ctx.entity(1).name(), null, null, 0);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
