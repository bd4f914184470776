package dev.jvtpm.engine.command.testing;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * TPM2_IncrementalSelfTest (Part 3 §10.3): tests the listed algorithms now (even ones already
 * tested) and returns the implemented algorithms that remain untested. TPM_RC_SIZE (parameter 1)
 * for more than MAX_ALG_LIST_SIZE (64) entries; TPM_RC_VALUE (parameter 1) when an entry is not
 * an algorithm this TPM implements (as TPM_CAP_ALGS lists them), in which case nothing is tested.
 * A failing test puts the TPM in failure mode (TPM_RC_FAILURE).
 */
public final class IncrementalSelfTest extends Command<IncrementalSelfTest.In, List<Integer>> {
    /** MAX_ALG_LIST_SIZE: the most entries a TPML_ALG holds. */
    public static final int MAX_ALG_LIST_SIZE = 64;

    public record In(List<Integer> toTest) {}

    public IncrementalSelfTest() {
        super(CommandDescriptor.builder(TpmCc.INCREMENTAL_SELF_TEST).nv().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        r.param(1);
        long count = Integer.toUnsignedLong(r.u32());
        if (count > MAX_ALG_LIST_SIZE) {
            throw r.fail(TpmRc.SIZE);
        }
        List<Integer> algs = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            algs.add(r.u16());
        }
        return new In(algs);
    }

    @Override
    public List<Integer> execute(CommandContext ctx, In in) throws TpmException {
        try {
            return ctx.core().selfTest.incremental(in.toTest());
        } catch (IllegalArgumentException e) {
            throw new TpmException(TpmRc.atParameter(TpmRc.VALUE, 1), e.getMessage());
        }
    }

    @Override
    public void encode(List<Integer> toDoList, TpmWriter w) {
        int n = Math.min(toDoList.size(), MAX_ALG_LIST_SIZE);
        w.u32(n);
        for (int i = 0; i < n; i++) {
            w.u16(toDoList.get(i));
        }
    }
}
