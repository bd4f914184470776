package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.CurrentPcrDigest;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.util.List;

/**
 * TPM2_PolicyPCR (Part 3 §23.7): policyDigest := H(policyDigest ‖ TPM_CC_PolicyPCR ‖ pcrs ‖
 * pcrDigest), where pcrs is the selection with unallocated PCRs removed (FilterPcr) and pcrDigest
 * the session-hash digest of the selected PCR values (for a trial session the given pcrDigest,
 * if any). A real session records the PCR update counter so later PCR changes fail it.
 * TPM_RC_PCR_CHANGED when PCRs changed since an earlier PolicyPCR; TPM_RC_VALUE (parameter 1)
 * for a pcrDigest that does not match the PCRs.
 */
public final class PolicyPcr extends Command<PolicyPcr.In, Void> {
    public record In(int policySession, byte[] pcrDigest, List<PcrSelection> pcrs) {}

    public PolicyPcr() {
        super(CommandDescriptor.builder(TpmCc.POLICY_PCR)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] digest = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return new In(handles[0], digest, PcrSelection.readList(r.param(2)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session s = core.sessions().get(in.policySession());
        CurrentPcrDigest current = CurrentPcrDigest.compute(core.crypto, core.pcrs, s.authHash, in.pcrs());
        List<PcrSelection> filtered = current.selection();
        byte[] pcrDigest = current.digest();
        if (!s.trial) {
            if (s.pcrCounter != 0 && s.pcrCounter != core.gr.pcrCounter) {
                throw new TpmException(TpmRc.PCR_CHANGED);
            }
            if (in.pcrDigest().length != 0 && !MessageDigest.isEqual(in.pcrDigest(), pcrDigest)) {
                throw TpmException.parameter(1, TpmRc.VALUE);
            }
        } else if (in.pcrDigest().length != 0) {
            pcrDigest = in.pcrDigest();
        }
        TpmWriter selection = new TpmWriter(64);
        PcrSelection.writeList(selection, filtered);
        s.extendPolicy(core.crypto.hasher(s.authHash), TpmCc.POLICY_PCR, selection.toByteArray(), pcrDigest);
        if (!s.trial) {
            s.pcrCounter = core.gr.pcrCounter;
        }
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
