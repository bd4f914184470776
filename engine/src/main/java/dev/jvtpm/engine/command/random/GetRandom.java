package dev.jvtpm.engine.command.random;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_GetRandom (Part 3 §16.1). Returns at most the size of the largest digest (64 bytes),
 * like the reference; larger requests are truncated, never an error.
 */
public final class GetRandom extends Command<GetRandom.In, byte[]> {
    public record In(int bytesRequested) {}

    public GetRandom() {
        super(CommandDescriptor.builder(TpmCc.GET_RANDOM).encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(r.param(1).u16());
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) {
        return ctx.core().random(Math.min(in.bytesRequested(), HashAlg.MAX_DIGEST_SIZE));
    }

    @Override
    public void encode(byte[] randomBytes, TpmWriter w) {
        w.tpm2b(randomBytes);
    }
}
