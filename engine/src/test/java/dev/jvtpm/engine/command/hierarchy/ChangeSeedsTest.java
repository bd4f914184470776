package dev.jvtpm.engine.command.hierarchy;

import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/** Part 3 §24.4 TPM2_ChangePPS and §24.5 TPM2_ChangeEPS. */
class ChangeSeedsTest {
    private static final byte[] PW = {'e'};

    @Test
    void changeEpsReseedsTheEndorsementHierarchyAndResetsItsAuthorization() {
        TpmHarness h = TpmHarness.started();
        TpmCore core = TpmInternals.core(h.tpm());
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_ENDORSEMENT, NONE, PW)));
        h.ok(h.call(Commands.setPrimaryPolicy(TpmHandles.RH_ENDORSEMENT, PW, new byte[32], TpmAlgId.SHA256)));
        h.ok(h.call(Commands.hierarchyControl(TpmHandles.RH_ENDORSEMENT, PW, TpmHandles.RH_ENDORSEMENT, false)));
        byte[] seed = core.gp.endorsementSeed.clone();
        byte[] proof = core.gp.endorsementProof.clone();
        byte[] storage = core.gp.storageSeed.clone();
        h.ok(h.call(Commands.changeEps(NONE)));
        assertThat(core.gp.endorsementSeed).isNotEqualTo(seed);
        assertThat(core.gp.endorsementProof).isNotEqualTo(proof);
        assertThat(core.gp.storageSeed).isEqualTo(storage);
        assertThat(h.property(TpmPt.PERMANENT) & 2).as("endorsementAuth empty").isZero();
        assertThat(h.property(TpmPt.STARTUP_CLEAR) & 4).as("ehEnable").isNotZero();
        assertThat(core.gp.endorsementPolicy.digest()).isEmpty();
    }

    @Test
    void changePpsReseedsThePlatformHierarchyAndKeepsItsAuthValue() {
        TpmHarness h = TpmHarness.started();
        TpmCore core = TpmInternals.core(h.tpm());
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_PLATFORM, NONE, PW)));
        h.ok(h.call(Commands.setPrimaryPolicy(TpmHandles.RH_PLATFORM, PW, new byte[20], TpmAlgId.SHA1)));
        byte[] seed = core.gp.platformSeed.clone();
        byte[] proof = core.gp.platformProof.clone();
        h.ok(h.call(Commands.changePps(PW)));
        assertThat(core.gp.platformSeed).isNotEqualTo(seed);
        assertThat(core.gp.platformProof).isNotEqualTo(proof);
        assertThat(core.gc.platformPolicy.digest()).isEmpty();
        assertThat(h.rc(Commands.changePps(PW))).as("platformAuth kept").isZero();
        assertThat(h.rc(Commands.changeEps(NONE))).isEqualTo(0x9A2);
        h.ok(h.call(Commands.hierarchyControl(TpmHandles.RH_PLATFORM, PW, TpmHandles.RH_PLATFORM, false)));
        assertThat(h.rc(Commands.changePps(PW))).isEqualTo(0x185);
    }
}
