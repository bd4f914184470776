package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.PcrAllocation;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPM2_PCR_Allocate (Part 3 §22.5), with platform authorization. The new allocation is the one in
 * force since the last _TPM_Init with each listed bank replaced (the last entry wins when a bank
 * is listed twice); it is written to NV at once, takes effect at the next _TPM_Init, and until
 * then Shutdown(STATE) is refused. GetCapability(TPM_CAP_PCRS) keeps reporting the allocation in
 * force. Because the base is always the allocation in force, a second PCR_Allocate replaces a
 * pending one rather than adding to it (as in libtpms). TPM_RC_PCR when no bank would keep the
 * H-CRTM PCR (0) or the DRTM PCR (17); malformed selections are TPM_RC_HASH/VALUE/SIZE at
 * parameter 1. This TPM always has room, so allocationSuccess is YES and sizeAvailable is the
 * space of 24 PCRs in every implemented bank.
 */
public final class PcrAllocate extends Command<PcrAllocate.In, PcrAllocate.Out> {
    public record In(List<PcrSelection> pcrAllocation) {}

    public record Out(boolean allocationSuccess, int maxPcr, int sizeNeeded, int sizeAvailable) {}

    public PcrAllocate() {
        super(CommandDescriptor.builder(TpmCc.PCR_ALLOCATE)
                .handle("authHandle", HandleTypes.PLATFORM, AuthRole.USER)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(PcrSelection.readList(r.param(1)));
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        PcrAllocation next = core.pcrs.active().copy();
        for (PcrSelection sel : in.pcrAllocation()) {
            next.set(sel.hash(), sel.bitmap());
        }
        int sizeNeeded = 0;
        int sizeAvailable = 0;
        boolean hcrtm = false;
        boolean drtm = false;
        for (HashAlg alg : HashAlg.values()) {
            int bitmap = next.bitmap(alg);
            sizeNeeded += Integer.bitCount(bitmap) * alg.digestSize();
            sizeAvailable += PcrAttributes.PCR_COUNT * alg.digestSize();
            hcrtm |= (bitmap & (1 << PcrAttributes.HCRTM_PCR)) != 0;
            drtm |= (bitmap & (1 << PcrAttributes.DRTM_PCR)) != 0;
        }
        if (!hcrtm || !drtm) {
            throw new TpmException(TpmRc.PCR);
        }
        core.pcrAllocation.assign(next);
        core.markPersistentDirty();
        core.pcrReconfigured = true;
        return new Out(true, PcrAttributes.PCR_COUNT, sizeNeeded, sizeAvailable);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.u8(out.allocationSuccess() ? 1 : 0).u32(out.maxPcr()).u32(out.sizeNeeded()).u32(out.sizeAvailable());
    }
}
