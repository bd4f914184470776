package dev.jvtpm.engine.command.random;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.crypto.CtrDrbg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * TPM2_StirRandom (Part 3 §16.2): inData (TPM2B_SENSITIVE_DATA, ≤ 128 bytes; larger is
 * TPM_RC_SIZE at parameter 1) is mixed into the DRBG as additional input of a reseed, in
 * seed-length pieces.
 */
public final class StirRandom extends Command<StirRandom.In, Void> {
    /** MAX_SYM_DATA: the largest TPM2B_SENSITIVE_DATA. */
    public static final int MAX_SENSITIVE_DATA = 128;

    public record In(byte[] inData) {}

    public StirRandom() {
        super(CommandDescriptor.builder(TpmCc.STIR_RANDOM).nv().decrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(r.param(1).tpm2b(MAX_SENSITIVE_DATA));
    }

    @Override
    public Void execute(CommandContext ctx, In in) {
        byte[] data = in.inData();
        for (int off = 0; off < data.length; off += CtrDrbg.SEED_LEN) {
            byte[] piece = Arrays.copyOfRange(data, off, Math.min(data.length, off + CtrDrbg.SEED_LEN));
            ctx.core().stirRandom(piece);
        }
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
