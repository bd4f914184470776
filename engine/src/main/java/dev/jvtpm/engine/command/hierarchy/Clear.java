package dev.jvtpm.engine.command.hierarchy;

import dev.jvtpm.engine.auth.DictionaryAttack;
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
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Clear (Part 3 §24.6), with lockout or platform authorization: a new storage primary seed
 * and new owner and endorsement proofs (so their saved contexts and tickets die), both
 * hierarchies enabled, owner, endorsement and lockout authValues and policies and the PCR
 * authValue emptied, loaded and
 * persistent owner and endorsement objects removed, every index the owner created deleted
 * (platform indexes such as EK certificates stay), the dictionary-attack parameters back to their defaults, Clock
 * zero and safe, resetCount, restartCount and clearCount zero, and the PCR update counter
 * bumped. TPM_RC_DISABLED while ClearControl has disabled it.
 */
public final class Clear extends Command<Integer, Void> {
    public Clear() {
        super(CommandDescriptor.builder(TpmCc.CLEAR)
                .handle("authHandle", HandleTypes.CLEAR, AuthRole.USER)
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
    public Void execute(CommandContext ctx, Integer authHandle) throws TpmException {
        TpmCore core = ctx.core();
        if (core.gp.disableClear) {
            throw new TpmException(TpmRc.DISABLED);
        }
        core.gp.storageSeed = core.random(PersistentData.SEED_SIZE);
        core.gp.storageProof = core.random(PersistentData.PROOF_SIZE);
        core.gp.endorsementProof = core.random(PersistentData.PROOF_SIZE);
        core.gc.shEnable = true;
        core.gc.ehEnable = true;
        core.gc.pcrAuth = new byte[0];
        core.gp.ownerAuth = new byte[0];
        core.gp.endorsementAuth = new byte[0];
        core.gp.lockoutAuth = new byte[0];
        core.gp.ownerPolicy = HierarchyPolicy.EMPTY;
        core.gp.endorsementPolicy = HierarchyPolicy.EMPTY;
        core.gp.lockoutPolicy = HierarchyPolicy.EMPTY;
        core.objects.flushHierarchy(TpmHandles.RH_OWNER);
        core.objects.flushHierarchy(TpmHandles.RH_ENDORSEMENT);
        core.flushNvHierarchy(TpmHandles.RH_OWNER);
        core.flushNvHierarchy(TpmHandles.RH_ENDORSEMENT);
        DictionaryAttack.preInstall(core);
        core.go.clock = 0;
        core.go.clockSafe = true;
        core.gp.resetCount = 0;
        core.gr.restartCount = 0;
        core.gr.clearCount = 0;
        core.pcrChanged(0);
        core.markPersistentDirty();
        Lifecycle.clearOrderly(core);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
