package dev.jvtpm.engine.command.da;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_DictionaryAttackParameters (Part 3 §25.3), with lockout authorization: maxTries (failures
 * before lockout), recoveryTime (seconds per forgiven failure; 0 disables DA protection) and
 * lockoutRecovery (seconds lockoutAuth stays disabled after its failure; 0 = until the next
 * Startup). failedTries is kept, so a lower maxTries can put the TPM in lockout at once. Any
 * 32-bit values are accepted; returns no error of its own.
 */
public final class DictionaryAttackParameters extends Command<DictionaryAttackParameters.In, Void> {
    public record In(int lockHandle, int newMaxTries, int newRecoveryTime, int lockoutRecovery) {}

    public DictionaryAttackParameters() {
        super(CommandDescriptor.builder(TpmCc.DICTIONARY_ATTACK_PARAMETERS)
                .handle("lockHandle", HandleTypes.LOCKOUT, AuthRole.USER)
                .nv()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int maxTries = r.param(1).u32();
        int recoveryTime = r.param(2).u32();
        return new In(handles[0], maxTries, recoveryTime, r.param(3).u32());
    }

    @Override
    public Void execute(CommandContext ctx, In in) {
        TpmCore core = ctx.core();
        core.gp.maxTries = in.newMaxTries();
        core.gp.recoveryTime = in.newRecoveryTime();
        core.gp.lockoutRecovery = in.lockoutRecovery();
        core.markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
