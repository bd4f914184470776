package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * The checks and effects every PCR-changing command shares (PCR_Extend, PCR_Event, PCR_Reset,
 * EventSequenceComplete): the PC Client locality rules, the end of a pending orderly shutdown
 * when a state-saved PCR changes (the reference's RETURN_IF_ORDERLY), and the PCR update
 * counter, which counts every bank extended.
 */
public final class PcrUpdate {
    private PcrUpdate() {}

    /** PCRIsExtendAllowed plus RETURN_IF_ORDERLY: TPM_RC_LOCALITY when the locality may not extend {@code pcr}. */
    public static void checkExtend(TpmCore core, int pcr) throws TpmException {
        if (!PcrAttributes.extendableAt(pcr, core.locality)) {
            throw new TpmException(TpmRc.LOCALITY);
        }
        if (PcrAttributes.stateSaved(pcr)) {
            Lifecycle.clearOrderly(core);
        }
    }

    /**
     * PCRIsResetAllowed plus RETURN_IF_ORDERLY: TPM_RC_LOCALITY when the locality may not reset
     * {@code pcr}. Locality 4 never may: on a TPM with DRTM, PCRs 17-22 are reset by
     * _TPM_Hash_Start/End, not by commands.
     */
    public static void checkReset(TpmCore core, int pcr) throws TpmException {
        if (core.locality == 4 || !PcrAttributes.resettableAt(pcr, core.locality)) {
            throw new TpmException(TpmRc.LOCALITY);
        }
        if (PcrAttributes.stateSaved(pcr)) {
            Lifecycle.clearOrderly(core);
        }
    }

    /** PCRExtend: extends one bank if allocated, counting the change. */
    public static void extend(TpmCore core, int pcr, HashAlg alg, byte[] digest) {
        if (core.pcrs.isAllocated(alg, pcr)) {
            core.pcrs.extend(core.crypto, alg, pcr, digest);
            core.pcrChanged(pcr);
        }
    }
}
