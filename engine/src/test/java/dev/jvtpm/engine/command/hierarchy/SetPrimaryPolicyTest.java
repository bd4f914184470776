package dev.jvtpm.engine.command.hierarchy;

import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmReader;
import org.junit.jupiter.api.Test;

/** Part 3 §24.3 TPM2_SetPrimaryPolicy. */
class SetPrimaryPolicyTest {
    /** The TPMT_HA of {@code hierarchy} in TPM_CAP_AUTH_POLICIES: alg and digest. */
    private static String policy(TpmHarness h, int hierarchy) throws Exception {
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.AUTH_POLICIES, hierarchy, 1))).body();
        r.skip(1 + 4 + 4);
        assertThat(r.u32()).isEqualTo(hierarchy);
        int alg = r.u16();
        return Integer.toHexString(alg) + ":" + java.util.HexFormat.of().formatHex(r.rest());
    }

    @Test
    void setsAndClearsEachHierarchysPolicy() throws Exception {
        TpmHarness h = TpmHarness.started();
        byte[] digest = new byte[48];
        digest[47] = 7;
        for (int hierarchy : new int[] {TpmHandles.RH_OWNER, TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM,
            TpmHandles.RH_LOCKOUT}) {
            h.ok(h.call(Commands.setPrimaryPolicy(hierarchy, NONE, digest, TpmAlgId.SHA384)));
            assertThat(policy(h, hierarchy)).isEqualTo("c:" + java.util.HexFormat.of().formatHex(digest));
        }
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(policy(h, TpmHandles.RH_OWNER)).as("persistent").startsWith("c:");
        assertThat(policy(h, TpmHandles.RH_PLATFORM)).as("until Startup(CLEAR)").isEqualTo("10:");
        h.ok(h.call(Commands.setPrimaryPolicy(TpmHandles.RH_OWNER, NONE, NONE, TpmAlgId.NULL)));
        assertThat(policy(h, TpmHandles.RH_OWNER)).isEqualTo("10:");
    }

    @Test
    void theDigestMustMatchTheHash() {
        TpmHarness h = TpmHarness.started();
        int owner = TpmHandles.RH_OWNER;
        assertThat(h.rc(Commands.setPrimaryPolicy(owner, NONE, new byte[32], TpmAlgId.SHA1))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.setPrimaryPolicy(owner, NONE, new byte[1], TpmAlgId.NULL))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.setPrimaryPolicy(owner, NONE, new byte[0], TpmAlgId.SHA1))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.setPrimaryPolicy(owner, NONE, new byte[16], TpmAlgId.AES))).isEqualTo(0x2C3);
        assertThat(h.rc(Commands.setPrimaryPolicy(owner, NONE, new byte[65], TpmAlgId.SHA1))).isEqualTo(0x1D5);
    }
}
