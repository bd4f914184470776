package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * TPM2_PCR_Read (Part 3 §22.4). Unallocated PCRs are filtered out of the returned selection;
 * at most 8 digests are returned and the selection is trimmed to what was read, so callers loop.
 * TPM_RC_HASH / TPM_RC_VALUE / TPM_RC_SIZE (parameter 1) for a malformed selection.
 */
public final class PcrRead extends Command<PcrRead.In, PcrRead.Out> {
    /** TPML_DIGEST holds at most 8 digests. */
    public static final int MAX_DIGESTS = 8;

    public record In(List<PcrSelection> selection) {}

    public record Out(int pcrUpdateCounter, List<PcrSelection> selectionOut, List<byte[]> values) {}

    public PcrRead() {
        super(CommandDescriptor.builder(TpmCc.PCR_READ).build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(PcrSelection.readList(r.param(1)));
    }

    @Override
    public Out execute(CommandContext ctx, In in) {
        return read(ctx.core(), in.selection());
    }

    /** PCRRead: shared with PCR-based policies and quotes. */
    public static Out read(TpmCore core, List<PcrSelection> selections) {
        List<PcrSelection> out = new ArrayList<>(selections.size());
        List<byte[]> values = new ArrayList<>(MAX_DIGESTS);
        boolean full = false;
        for (PcrSelection sel : selections) {
            HashAlg alg = sel.hash();
            if (full) {
                out.add(sel.filtered(0));
                continue;
            }
            PcrSelection f = sel.filtered(core.pcrs.active().bitmap(alg));
            int kept = 0;
            for (int pcr = 0; pcr < PcrAttributes.PCR_COUNT; pcr++) {
                if (!f.isSelected(pcr)) {
                    continue;
                }
                if (values.size() == MAX_DIGESTS) {
                    full = true;
                    break;
                }
                values.add(core.pcrs.read(alg, pcr));
                kept |= 1 << pcr;
            }
            out.add(f.filtered(kept));
        }
        return new Out(core.gr.pcrCounter, out, values);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.u32(out.pcrUpdateCounter());
        PcrSelection.writeList(w, out.selectionOut());
        w.u32(out.values().size());
        for (byte[] v : out.values()) {
            w.tpm2b(v);
        }
    }
}
