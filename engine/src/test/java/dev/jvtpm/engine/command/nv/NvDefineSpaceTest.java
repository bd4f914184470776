package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static dev.jvtpm.engine.testing.NvTesting.define;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/** Part 3 §31.3 TPM2_NV_DefineSpace. */
class NvDefineSpaceTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    private static final int RW = OWNERREAD | OWNERWRITE;
    private static final int SHA256 = TpmAlgId.SHA256;

    private static int nt(int type) {
        return type << 4;
    }

    @Test
    void eachTypeHasItsSize() {
        TpmHarness h = TpmHarness.started();
        assertThat(define(h, OWNER, NONE, 0x01000000, SHA256, RW, 0)).isZero();
        assertThat(define(h, OWNER, NONE, 0x01000001, SHA256, RW, 2048)).isZero();
        assertThat(define(h, OWNER, NONE, 0x01000002, SHA256, RW, 2049)).as("above MAX_NV_INDEX_SIZE").isEqualTo(0x2D5);
        for (int type : new int[] {NT_COUNTER, NT_BITS, NT_PIN_PASS}) {
            assertThat(define(h, OWNER, NONE, 0x01000010 + type, SHA256, RW | nt(type), 7)).isEqualTo(0x2D5);
            assertThat(define(h, OWNER, NONE, 0x01000010 + type, SHA256, RW | nt(type), 8)).isZero();
        }
        assertThat(define(h, OWNER, NONE, 0x01000020, SHA256, RW | nt(NT_PIN_FAIL) | NO_DA, 8)).isZero();
        assertThat(define(h, OWNER, NONE, 0x01000021, TpmAlgId.SHA384, RW | nt(NT_EXTEND), 32)).isEqualTo(0x2D5);
        assertThat(define(h, OWNER, NONE, 0x01000021, TpmAlgId.SHA384, RW | nt(NT_EXTEND), 48)).isZero();
        for (int unknown : new int[] {3, 5, 6, 7, 10, 15}) {
            assertThat(define(h, OWNER, NONE, 0x01000030, SHA256, RW | nt(unknown), 8)).as("type " + unknown)
                    .isEqualTo(0x2C2);
        }
        assertThat(h.property(TpmPt.HR_NV_INDEX)).isEqualTo(7);
        assertThat(h.property(TpmPt.NV_COUNTERS)).isEqualTo(1);
    }

    @Test
    void attributeRulesOfTheReference() {
        TpmHarness h = TpmHarness.started();
        int i = 0x01000000;
        int[][] rejected = {
            {RW | nt(NT_COUNTER) | CLEAR_STCLEAR, 8, 0x2C2},
            {RW | nt(NT_PIN_FAIL), 8, 0x2C2},
            {RW | nt(NT_PIN_PASS) | AUTHWRITE, 8, 0x2C2},
            {RW | nt(NT_PIN_PASS) | GLOBALLOCK, 8, 0x2C2},
            {RW | nt(NT_PIN_FAIL) | NO_DA | WRITEDEFINE, 8, 0x2C2},
            {RW | WRITTEN, 8, 0x2C2},
            {RW | WRITELOCKED, 8, 0x2C2},
            {RW | READLOCKED, 8, 0x2C2},
            {OWNERWRITE | AUTHWRITE | POLICYWRITE | PPWRITE, 8, 0x2C2},
            {OWNERREAD | AUTHREAD | POLICYREAD | PPREAD, 8, 0x2C2},
            {RW | CLEAR_STCLEAR | WRITEDEFINE, 8, 0x2C2},
            {RW | PLATFORMCREATE, 8, 0x182},
            {RW | POLICY_DELETE, 8, 0x2C2},
            {RW | WRITEALL, 1025, 0x2D5},
            {RW | 0x200, 8, 0x2E1},
            {RW | 0x1000000, 8, 0x2E1},
        };
        for (int[] c : rejected) {
            assertThat(define(h, OWNER, NONE, i, SHA256, c[0], c[1])).as(Integer.toHexString(c[0])).isEqualTo(c[2]);
        }
        assertThat(define(h, PLATFORM, NONE, i, SHA256, RW, 8)).as("platform without PLATFORMCREATE").isEqualTo(0x182);
        assertThat(define(h, PLATFORM, NONE, i, SHA256, RW | PLATFORMCREATE | POLICY_DELETE, 8)).isZero();
        assertThat(define(h, OWNER, NONE, i + 1, SHA256, RW | WRITEALL, 1024)).isZero();
        assertThat(NvTesting.readPublic(h, i).attributes()).isEqualTo(RW | PLATFORMCREATE | POLICY_DELETE);
    }

    @Test
    void authAndPolicySizesFollowTheNameAlg() {
        TpmHarness h = TpmHarness.started();
        int attrs = OWNERREAD | OWNERWRITE;
        byte[] tooLong = new byte[21];
        tooLong[20] = 1;
        assertThat(h.rc(Commands.nvDefineSpace(OWNER, NONE, tooLong, 0x01000000, TpmAlgId.SHA1, attrs, NONE, 8)))
                .isEqualTo(0x1D5);
        byte[] zeros = new byte[40];
        zeros[0] = 1;
        assertThat(h.rc(Commands.nvDefineSpace(OWNER, NONE, zeros, 0x01000000, TpmAlgId.SHA1, attrs, NONE, 8)))
                .as("trailing zeros do not count").isZero();
        assertThat(h.rc(Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000001, SHA256, attrs, new byte[20], 8)))
                .isEqualTo(0x2D5);
        assertThat(h.rc(Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000001, SHA256, attrs, new byte[32], 8)))
                .isZero();
        assertThat(h.rc(Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000002, TpmAlgId.NULL, attrs, NONE, 8)))
                .as("nameAlg NULL").isEqualTo(0x2C3);
    }

    @Test
    void definedOnceAndOnlyWhileTheCreatorsHierarchyIsEnabled() {
        TpmHarness h = TpmHarness.started();
        assertThat(define(h, OWNER, NONE, 0x01000000, SHA256, RW, 8)).isZero();
        assertThat(define(h, OWNER, NONE, 0x01000000, SHA256, RW, 16)).isEqualTo(0x14C);
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, TpmHandles.RH_PLATFORM_NV, false)));
        assertThat(define(h, PLATFORM, NONE, 0x01C00000, SHA256, RW | PLATFORMCREATE, 8)).isEqualTo(0x185);
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, OWNER, false)));
        assertThat(define(h, OWNER, NONE, 0x01000001, SHA256, RW, 8)).isEqualTo(0x185);
        assertThat(define(h, OWNER, NONE, 0x01000000, SHA256, RW, 8)).as("owner disabled first").isEqualTo(0x185);
    }

    @Test
    void indexesSurviveAPowerCycleAndAStateBlobMigration() throws Exception {
        TpmHarness h = TpmHarness.started();
        assertThat(define(h, OWNER, "pw".getBytes(), 0x01000000, SHA256, RW | AUTHREAD | AUTHWRITE | NO_DA, 64))
                .isZero();
        h.ok(h.call(Commands.nvWrite(0x01000000, "pw".getBytes(), 0x01000000, "persisted".getBytes(), 3)));
        NvTesting.Public before = NvTesting.readPublic(h, 0x01000000);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(NvTesting.readPublic(h, 0x01000000)).usingRecursiveComparison().isEqualTo(before);
        byte[] data = NvTesting.read(h, 0x01000000, "pw".getBytes(), 0x01000000, 9, 3);
        assertThat(new String(data)).isEqualTo("persisted");

        byte[] blob = h.tpm().getStateBlob(dev.jvtpm.engine.state.BlobKind.PERMANENT, true).orElseThrow();
        TpmHarness migrated = new TpmHarness(dev.jvtpm.engine.TpmConfig.builder().build());
        migrated.tpm().setStateBlob(dev.jvtpm.engine.state.BlobKind.PERMANENT, blob, false);
        migrated.powerOn();
        migrated.ok(migrated.call(Commands.startup(0)));
        assertThat(NvTesting.readPublic(migrated, 0x01000000)).usingRecursiveComparison().isEqualTo(before);
        assertThat(NvTesting.read(migrated, OWNER, NONE, 0x01000000, 64, 0))
                .isEqualTo(NvTesting.read(h, OWNER, NONE, 0x01000000, 64, 0));
    }

    @Test
    void spaceRunsOutAndCountersHaveReservedRoom() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.property(TpmPt.NV_COUNTERS_AVAIL)).as("25 counters fit the orderly RAM").isEqualTo(25);
        assertThat(h.property(TpmPt.HR_PERSISTENT_AVAIL)).isEqualTo(65);
        int index = 0x01000000;
        int rc;
        do {
            rc = define(h, OWNER, NONE, index++, SHA256, RW, 2048);
        } while (rc == 0);
        assertThat(rc).isEqualTo(0x14B);
        // 7 persistent objects and 8 counters stay possible.
        assertThat(h.property(TpmPt.HR_PERSISTENT_AVAIL)).isGreaterThanOrEqualTo(7);
        for (int i = 0; i < 8; i++) {
            assertThat(define(h, OWNER, NONE, 0x01800000 + i, SHA256, RW | nt(NT_COUNTER), 8)).isZero();
        }
        assertThat(h.property(TpmPt.NV_COUNTERS)).isEqualTo(8);
    }
}
