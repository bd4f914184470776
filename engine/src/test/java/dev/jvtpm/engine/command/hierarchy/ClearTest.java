package dev.jvtpm.engine.command.hierarchy;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/** Part 3 §24.6 TPM2_Clear and §24.7 TPM2_ClearControl. */
class ClearTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int LOCKOUT = TpmHandles.RH_LOCKOUT;
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    private static final byte[] PW = {'x'};

    @Test
    void clearResetsTheOwnerAndEndorsementButKeepsThePlatform() {
        TpmHarness h = TpmHarness.started();
        TpmCore core = TpmInternals.core(h.tpm());
        NvTesting.define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE, 4);
        NvTesting.define(h, PLATFORM, NONE, 0x01C00002, TpmAlgId.SHA256, PPREAD | PPWRITE | OWNERREAD | PLATFORMCREATE,
                4);
        for (int hierarchy : new int[] {OWNER, TpmHandles.RH_ENDORSEMENT, LOCKOUT, PLATFORM}) {
            h.ok(h.call(Commands.hierarchyChangeAuth(hierarchy, NONE, PW)));
        }
        h.ok(h.call(Commands.setPrimaryPolicy(OWNER, PW, new byte[32], TpmAlgId.SHA256)));
        h.ok(h.call(Commands.dictionaryAttackParameters(PW, 10, 20, 30)));
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, PW, TpmHandles.RH_ENDORSEMENT, false)));
        byte[] storageSeed = core.gp.storageSeed.clone();
        byte[] storageProof = core.gp.storageProof.clone();
        byte[] endorsementProof = core.gp.endorsementProof.clone();
        byte[] endorsementSeed = core.gp.endorsementSeed.clone();
        byte[] platformSeed = core.gp.platformSeed.clone();
        int pcrCounter = h.pcrUpdateCounter();

        h.ok(h.call(Commands.clear(LOCKOUT, PW)));

        assertThat(core.gp.storageSeed).isNotEqualTo(storageSeed);
        assertThat(core.gp.storageProof).isNotEqualTo(storageProof);
        assertThat(core.gp.endorsementProof).isNotEqualTo(endorsementProof);
        assertThat(core.gp.endorsementSeed).as("EPS stays").isEqualTo(endorsementSeed);
        assertThat(core.gp.platformSeed).isEqualTo(platformSeed);
        assertThat(h.property(TpmPt.PERMANENT)).as("no auths set, tpmGeneratedEPS").isEqualTo(0x400);
        assertThat(h.property(TpmPt.STARTUP_CLEAR) & 0x6).as("owner and endorsement enabled").isEqualTo(0x6);
        assertThat(h.property(TpmPt.MAX_AUTH_FAIL)).isEqualTo(3);
        assertThat(h.property(TpmPt.LOCKOUT_INTERVAL)).isEqualTo(1000);
        assertThat(h.property(TpmPt.LOCKOUT_RECOVERY)).isEqualTo(1000);
        assertThat(h.rc(Commands.nvReadPublic(0x01000000))).as("owner index deleted").isEqualTo(0x18B);
        assertThat(h.rc(Commands.nvReadPublic(0x01C00002))).as("platform index kept").isZero();
        assertThat(h.rc(Commands.hierarchyChangeAuth(PLATFORM, PW, NONE))).as("platformAuth kept").isZero();
        assertThat(h.pcrUpdateCounter()).isEqualTo(pcrCounter + 1);
        TpmHarness.ClockInfo clock = h.readClock();
        assertThat(clock.resetCount()).isZero();
        assertThat(clock.restartCount()).isZero();
        assertThat(clock.safe()).isTrue();
        assertThat(clock.clock()).isLessThan(1000);
    }

    @Test
    void clearControlDisablesClearAndOnlyThePlatformReenablesIt() {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.clearControl(LOCKOUT, NONE, true)));
        assertThat(h.property(TpmPt.PERMANENT) & (1 << 8)).as("disableClear").isNotZero();
        assertThat(h.rc(Commands.clear(LOCKOUT, NONE))).isEqualTo(0x120);
        assertThat(h.rc(Commands.clear(PLATFORM, NONE))).isEqualTo(0x120);
        assertThat(h.rc(Commands.clearControl(LOCKOUT, NONE, false))).isEqualTo(0x08E);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isZero();
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(h.rc(Commands.clear(LOCKOUT, NONE))).as("persistent").isEqualTo(0x120);
        h.ok(h.call(Commands.clearControl(PLATFORM, NONE, false)));
        assertThat(h.rc(Commands.clear(LOCKOUT, NONE))).isZero();
        assertThat(h.rc(Commands.clear(OWNER, NONE))).as("TPMI_RH_CLEAR").isEqualTo(0x184);
        assertThat(h.rc(Commands.withPassword(0x127, LOCKOUT, NONE, w -> w.u8(2)))).isEqualTo(0x1C4);
    }
}
