package dev.jvtpm.engine.command;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * One TPM command: how its parameters unmarshal into {@code I}, what it does, and how its result
 * {@code O} marshals. Subclasses are stateless singletons; all state lives in the
 * {@link CommandContext}'s core.
 *
 * <p>{@link #decode} reads parameters only (handles were parsed and validated by the
 * dispatcher and are passed in); it must declare each parameter with {@link TpmReader#param}
 * so unmarshalling errors carry the parameter number. Trailing bytes are the dispatcher's
 * concern. {@link #encode} writes response parameters only.
 */
public abstract class Command<I, O> {
    private final CommandDescriptor descriptor;

    protected Command(CommandDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    public final CommandDescriptor descriptor() {
        return descriptor;
    }

    public abstract I decode(int[] handles, TpmReader params) throws TpmException;

    public abstract O execute(CommandContext ctx, I in) throws TpmException;

    public abstract void encode(O out, TpmWriter w);

    /** The handle returned in the response handle area; only for descriptors with a response handle. */
    public int responseHandle(O out) {
        throw new IllegalStateException(descriptor.name() + " has no response handle");
    }
}
