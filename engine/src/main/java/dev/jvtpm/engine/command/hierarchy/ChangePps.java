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
 * TPM2_ChangePPS (Part 3 §24.4), with platform authorization: a new platform primary seed and
 * platform proof, an empty platform policy and PCR policy (the platform authValue stays), and the platform's
 * loaded and persistent objects removed. Platform NV indexes are untouched. Returns no error of
 * its own.
 */
public final class ChangePps extends Command<Integer, Void> {
    public ChangePps() {
        super(CommandDescriptor.builder(TpmCc.CHANGE_PPS)
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
        core.gp.platformSeed = core.random(PersistentData.SEED_SIZE);
        core.gp.platformProof = core.random(PersistentData.PROOF_SIZE);
        core.gc.platformPolicy = HierarchyPolicy.EMPTY;
        core.gp.pcrPolicy = HierarchyPolicy.EMPTY;
        core.objects.flushHierarchy(TpmHandles.RH_PLATFORM);
        core.flushNvHierarchy(TpmHandles.RH_PLATFORM);
        core.markPersistentDirty();
        Lifecycle.clearOrderly(core);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
