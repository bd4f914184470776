package dev.jvtpm.engine.command;

import dev.jvtpm.engine.auth.Entity;
import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.core.TpmCore;

/** What a command sees while it executes: the TPM, the caller's locality and its handles' entities. */
public final class CommandContext {
    private final TpmCore core;
    private final CommandDescriptor descriptor;
    private final Entity[] entities;
    private final SessionProcessor sessions;

    CommandContext(TpmCore core, CommandDescriptor descriptor, Entity[] entities, SessionProcessor sessions) {
        this.core = core;
        this.descriptor = descriptor;
        this.entities = entities;
        this.sessions = sessions;
    }

    public TpmCore core() {
        return core;
    }

    public int locality() {
        return core.locality;
    }

    public CommandDescriptor descriptor() {
        return descriptor;
    }

    /** The entity of handle {@code i} (0-based) as resolved by the dispatcher. */
    public Entity entity(int i) {
        return entities[i];
    }

    public SessionProcessor sessions() {
        return sessions;
    }
}
