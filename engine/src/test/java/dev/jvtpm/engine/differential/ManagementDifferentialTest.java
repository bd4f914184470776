package dev.jvtpm.engine.differential;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/**
 * TPM2_PP_Commands (Part 3 §26.2) and TPM2_SetAlgorithmSet (§26.3) against swtpm 0.7.1. swtpm's
 * physical presence can only be asserted on the mssim platform port, which this harness does not
 * drive, so here PP_Commands is compared as refused (TPM_RC_PP) and malformed; the list changes
 * themselves are tested in ManagementCommandsTest.
 */
class ManagementDifferentialTest extends DifferentialFixture {
    private static final byte[] NONE = new byte[0];
    private static final int[] NO_CODES = new int[0];

    @Test
    void ppCommandsWithoutPhysicalPresence() {
        d.same("PP list", Commands.getCapability(TpmCap.PP_COMMANDS, 0, 254));
        d.same("PP_Commands without PP", Commands.ppCommands(NONE, new int[] {TpmCc.CLEAR}, new int[] {TpmCc.PP_COMMANDS}));
        d.same("empty lists without PP", Commands.ppCommands(NONE, NO_CODES, NO_CODES));
        d.same("PP list unchanged", Commands.getCapability(TpmCap.PP_COMMANDS, 0, 254));
        d.same("wrong platform password", Commands.ppCommands(new byte[] {1}, NO_CODES, NO_CODES));
        d.same("platform-authorized PP command not in the list", Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, NONE, 0));
    }

    @Test
    void ppCommandsMalformed() {
        d.same("setList of 255", Commands.ppCommands(NONE, new int[255], NO_CODES));
        d.same("clearList of 255", Commands.ppCommands(NONE, NO_CODES, new int[255]));
        d.same("owner handle", Commands.withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_OWNER, NONE, w -> w.u32(0).u32(0)));
        d.same("truncated setList", Commands.withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_PLATFORM, NONE, w -> w.u32(1)));
        d.same("no clearList", Commands.withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_PLATFORM, NONE, w -> w.u32(0)));
        d.same("trailing bytes", Commands.withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_PLATFORM, NONE,
                w -> w.u32(0).u32(0).u8(0)));
        d.same("no sessions", Commands.noSessions(TpmCc.PP_COMMANDS, w -> w.u32(TpmHandles.RH_PLATFORM).u32(0).u32(0)));
    }

    @Test
    void setAlgorithmSet() {
        d.same("ALGORITHM_SET initially", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.ALGORITHM_SET, 1));
        d.same("SetAlgorithmSet", Commands.setAlgorithmSet(TpmHandles.RH_PLATFORM, NONE, 0xDEADBEEF));
        d.same("ALGORITHM_SET after", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.ALGORITHM_SET, 1));
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        d.same("ALGORITHM_SET after a restart", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.ALGORITHM_SET, 1));
        d.same("owner handle", Commands.setAlgorithmSet(TpmHandles.RH_OWNER, NONE, 1));
        d.same("wrong platform password", Commands.setAlgorithmSet(TpmHandles.RH_PLATFORM, new byte[] {1}, 1));
        d.same("truncated", Commands.withPassword(TpmCc.SET_ALGORITHM_SET, TpmHandles.RH_PLATFORM, NONE, w -> w.u16(1)));
        d.same("trailing bytes", Commands.withPassword(TpmCc.SET_ALGORITHM_SET, TpmHandles.RH_PLATFORM, NONE,
                w -> w.u32(1).u8(0)));
        d.same("ALGORITHM_SET last", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.ALGORITHM_SET, 1));
    }
}
