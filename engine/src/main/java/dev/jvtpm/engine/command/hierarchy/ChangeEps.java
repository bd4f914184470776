package dev.jvtpm.engine.command.hierarchy;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.PersistentData;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ChangeEPS (Part 3 §24.5), with platform authorization: a new endorsement primary seed (so
 * every EK changes) and endorsement proof, the endorsement hierarchy enabled with an empty
 * authValue and policy, and its loaded and persistent objects removed. NV indexes are untouched.
 * Returns no error of its own.
 */
public final class ChangeEps extends Command<Integer, Void> {
    public ChangeEps() {
        super(CommandDescriptor.builder(TpmCc.CHANGE_EPS)
                .handle("authHandle", HandleTypes.PLATFORM, AuthRole.USER)
                .nv()
                .extensive()
                .physicalPresence()
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public Void execute(CommandContext ctx, Integer authHandle) {
        TpmCore core = ctx.core();
        core.gp.endorsementSeed = core.random(PersistentData.SEED_SIZE);
        core.gp.endorsementProof = core.random(PersistentData.PROOF_SIZE);
        core.gc.ehEnable = true;
        core.gp.endorsementAuth = new byte[0];
        core.gp.endorsementPolicy = HierarchyPolicy.EMPTY;
        core.objects.flushHierarchy(TpmHandles.RH_ENDORSEMENT);
        core.flushNvHierarchy(TpmHandles.RH_ENDORSEMENT);
        core.markPersistentDirty();
        Lifecycle.clearOrderly(core);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
