package dev.jvtpm.engine.command.da;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_DictionaryAttackLockReset (Part 3 §25.2): failedTries := 0, ending a lockout, with
 * lockout authorization (whose own failure disables lockoutAuth for lockoutRecovery seconds).
 * Returns no error of its own.
 */
public final class DictionaryAttackLockReset extends Command<Integer, Void> {
    public DictionaryAttackLockReset() {
        super(CommandDescriptor.builder(TpmCc.DICTIONARY_ATTACK_LOCK_RESET)
                .handle("lockHandle", HandleTypes.LOCKOUT, AuthRole.USER)
                .nv()
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public Void execute(CommandContext ctx, Integer lockHandle) {
        ctx.core().gp.failedTries = 0;
        ctx.core().markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
