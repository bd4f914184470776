package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NV storage (Part 3 §31) against swtpm 0.7.1 with password authorization: every index type and
 * attribute rule, every error path reachable without HMAC or policy sessions, NV_ReadPublic and
 * Names byte for byte, NV data, counters and locks across power cycles with and without orderly
 * shutdown, and the NV capacity properties.
 */
class NvDifferentialTest {
    private static final byte[] NONE = new byte[0];
    private static final byte[] PW = "nv-password".getBytes(StandardCharsets.US_ASCII);
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    private static final int SHA1 = TpmAlgId.SHA1;
    private static final int SHA256 = TpmAlgId.SHA256;
    private static final int SHA384 = TpmAlgId.SHA384;
    private static final int SHA512 = TpmAlgId.SHA512;
    private static final int OWNER_RW = OWNERREAD | OWNERWRITE;
    private static final int AUTH_RW = AUTHREAD | AUTHWRITE;
    private static final int[] NV_PROPERTIES = {TpmPt.HR_NV_INDEX, TpmPt.NV_COUNTERS, TpmPt.NV_COUNTERS_AVAIL,
        TpmPt.HR_PERSISTENT, TpmPt.HR_PERSISTENT_AVAIL, TpmPt.NV_INDEX_MAX, TpmPt.NV_BUFFER_MAX,
        TpmPt.NV_COUNTERS_MAX, TpmPt.LOCKOUT_COUNTER, TpmPt.MAX_AUTH_FAIL, TpmPt.PERMANENT, TpmPt.STARTUP_CLEAR};

    private Differential d;

    @BeforeEach
    void start() throws Exception {
        d = Differential.start();
        d.same("Startup(CLEAR)", Commands.startup(0));
    }

    @AfterEach
    void stop() throws Exception {
        d.close();
    }

    private static int type(int nt) {
        return nt << 4;
    }

    private void define(String what, int auth, byte[] indexAuth, int index, int nameAlg, int attrs, byte[] policy,
                        int size) {
        d.same(what, Commands.nvDefineSpace(auth, NONE, indexAuth, index, nameAlg, attrs, policy, size));
    }

    private void samePublic(String what, int... indexes) {
        for (int index : indexes) {
            d.same(what + ": NV_ReadPublic " + Integer.toHexString(index), Commands.nvReadPublic(index));
        }
    }

    private void sameNvState(String what) {
        d.same(what + ": NV handles", Commands.getCapability(TpmCap.HANDLES, TpmHandles.NV_INDEX_FIRST, 100));
        d.same(what + ": NV handles from 0x01000002", Commands.getCapability(TpmCap.HANDLES, 0x01000002, 2));
        for (int pt : NV_PROPERTIES) {
            d.same(what + ": property " + Integer.toHexString(pt), Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1));
        }
    }

    @Test
    void everyIndexTypeIsDefinedAndDescribedAsSwtpmDoes() {
        sameNvState("fresh TPM");
        define("ordinary", OWNER, PW, 0x01000000, SHA256, OWNER_RW | AUTH_RW, NONE, 32);
        define("ordinary, SHA-1, policy", OWNER, NONE, 0x01000001, SHA1, OWNERREAD | POLICYWRITE | POLICYREAD,
                new byte[20], 100);
        define("counter", OWNER, PW, 0x01000002, SHA256, type(NT_COUNTER) | AUTH_RW | NO_DA, NONE, 8);
        define("bits", OWNER, PW, 0x01000003, SHA384, type(NT_BITS) | AUTH_RW | ORDERLY, NONE, 8);
        define("extend SHA-512", OWNER, PW, 0x01000004, SHA512, type(NT_EXTEND) | AUTH_RW, NONE, 64);
        define("pin fail", OWNER, PW, 0x01000005, SHA256, type(NT_PIN_FAIL) | OWNER_RW | AUTHREAD | NO_DA, NONE, 8);
        define("pin pass", OWNER, PW, 0x01000006, SHA256, type(NT_PIN_PASS) | OWNER_RW | AUTHREAD, NONE, 8);
        define("orderly counter", OWNER, NONE, 0x01000007, SHA256, type(NT_COUNTER) | OWNER_RW | ORDERLY, NONE, 8);
        define("platform ordinary, EK cert style", PLATFORM, NONE, 0x01C00002, SHA256,
                PPWRITE | WRITEDEFINE | PPREAD | OWNERREAD | AUTHREAD | NO_DA | PLATFORMCREATE, NONE, 1020);
        define("platform POLICY_DELETE", PLATFORM, NONE, 0x01800000, SHA256,
                PPWRITE | PPREAD | POLICY_DELETE | PLATFORMCREATE, new byte[32], 16);
        define("every lock attribute", OWNER, NONE, 0x01000008, SHA256,
                OWNER_RW | WRITE_STCLEAR | READ_STCLEAR | GLOBALLOCK | CLEAR_STCLEAR | WRITEALL, NONE, 2048);
        define("largest index", OWNER, NONE, 0x01FFFFFF, SHA256, OWNER_RW, NONE, 2048);
        define("empty index", OWNER, NONE, 0x01000009, SHA256, OWNER_RW, NONE, 0);
        samePublic("defined", 0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01000004, 0x01000005, 0x01000006,
                0x01000007, 0x01C00002, 0x01800000, 0x01000008, 0x01FFFFFF, 0x01000009);
        d.same("NV_ReadPublic of an undefined index", Commands.nvReadPublic(0x0100000A));
        d.same("NV_ReadPublic of a non-NV handle", Commands.nvReadPublic(0x81000000));
        sameNvState("after defining");
        d.same("define again: TPM_RC_NV_DEFINED",
                Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000000, SHA256, OWNER_RW, NONE, 8));
        d.same("undefine", Commands.nvUndefineSpace(OWNER, NONE, 0x01000003));
        d.same("undefine again", Commands.nvUndefineSpace(OWNER, NONE, 0x01000003));
        d.same("owner undefines a platform index: TPM_RC_NV_AUTHORIZATION",
                Commands.nvUndefineSpace(OWNER, NONE, 0x01C00002));
        d.same("undefine a POLICY_DELETE index: TPM_RC_ATTRIBUTES",
                Commands.nvUndefineSpace(PLATFORM, NONE, 0x01800000));
        d.same("platform undefines an owner index", Commands.nvUndefineSpace(PLATFORM, NONE, 0x01000009));
        d.same("NV_UndefineSpaceSpecial with a password: TPM_RC_AUTH_TYPE",
                Commands.nvUndefineSpaceSpecial(0x01800000, NONE, NONE));
        d.same("NV_UndefineSpaceSpecial of an index without POLICY_DELETE: TPM_RC_AUTH_TYPE first",
                Commands.nvUndefineSpaceSpecial(0x01000000, PW, NONE));
        d.same("NV_ChangeAuth with a password: TPM_RC_AUTH_TYPE", Commands.nvChangeAuth(0x01000000, PW, NONE));
        sameNvState("after undefining");
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        samePublic("after a power cycle", 0x01000000, 0x01000001, 0x01000002, 0x01000004, 0x01C00002, 0x01800000);
        sameNvState("after a power cycle");
    }

    @Test
    void defineSpaceChecksInTheReferenceOrder() {
        int rw = OWNER_RW;
        Object[][] cases = {
            {"authPolicy of the wrong size", OWNER, NONE, 0x01000000, SHA256, rw, new byte[20], 8},
            {"auth longer than the nameAlg digest", OWNER, new byte[21], 0x01000000, SHA1, rw, NONE, 8},
            {"auth with trailing zeros fits", OWNER, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0}, 0x01000010, SHA1, rw, NONE, 8},
            {"unknown type 3", OWNER, NONE, 0x01000000, SHA256, rw | type(3), NONE, 8},
            {"unknown type 15", OWNER, NONE, 0x01000000, SHA256, rw | type(15), NONE, 8},
            {"counter of 4 bytes", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_COUNTER), NONE, 4},
            {"bits of 9 bytes", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_BITS), NONE, 9},
            {"extend SHA-256 of 20 bytes", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_EXTEND), NONE, 20},
            {"pin pass of 0 bytes", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_PIN_PASS), NONE, 0},
            {"counter with CLEAR_STCLEAR", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_COUNTER) | CLEAR_STCLEAR,
                NONE, 8},
            {"pin fail without NO_DA", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_PIN_FAIL), NONE, 8},
            {"pin pass with AUTHWRITE", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_PIN_PASS) | AUTHWRITE, NONE, 8},
            {"pin fail with GLOBALLOCK", OWNER, NONE, 0x01000000, SHA256,
                rw | type(NT_PIN_FAIL) | NO_DA | GLOBALLOCK, NONE, 8},
            {"pin pass with WRITEDEFINE", OWNER, NONE, 0x01000000, SHA256, rw | type(NT_PIN_PASS) | WRITEDEFINE,
                NONE, 8},
            {"WRITTEN set", OWNER, NONE, 0x01000000, SHA256, rw | WRITTEN, NONE, 8},
            {"WRITELOCKED set", OWNER, NONE, 0x01000000, SHA256, rw | WRITELOCKED, NONE, 8},
            {"READLOCKED set", OWNER, NONE, 0x01000000, SHA256, rw | READLOCKED, NONE, 8},
            {"no way to read", OWNER, NONE, 0x01000000, SHA256, OWNERWRITE | AUTHWRITE, NONE, 8},
            {"no way to write", OWNER, NONE, 0x01000000, SHA256, OWNERREAD | POLICYREAD, NONE, 8},
            {"CLEAR_STCLEAR with WRITEDEFINE", OWNER, NONE, 0x01000000, SHA256, rw | CLEAR_STCLEAR | WRITEDEFINE,
                NONE, 8},
            {"owner defines PLATFORMCREATE", OWNER, NONE, 0x01000000, SHA256, rw | PLATFORMCREATE, NONE, 8},
            {"platform defines without PLATFORMCREATE", PLATFORM, NONE, 0x01000000, SHA256, rw, NONE, 8},
            {"owner defines POLICY_DELETE", OWNER, NONE, 0x01000000, SHA256, rw | POLICY_DELETE, new byte[32], 8},
            {"WRITEALL on 1025 bytes", OWNER, NONE, 0x01000000, SHA256, rw | WRITEALL, NONE, 1025},
            {"WRITEALL on 1024 bytes", OWNER, NONE, 0x01000011, SHA256, rw | WRITEALL, NONE, 1024},
            {"2049 bytes", OWNER, NONE, 0x01000000, SHA256, rw, NONE, 2049},
            {"reserved bit 8", OWNER, NONE, 0x01000000, SHA256, rw | 0x100, NONE, 8},
            {"reserved bit 20", OWNER, NONE, 0x01000000, SHA256, rw | 0x100000, NONE, 8},
            {"nameAlg NULL", OWNER, NONE, 0x01000000, TpmAlgId.NULL, rw, NONE, 8},
            {"nameAlg SM3", OWNER, NONE, 0x01000000, 0x0012, rw, NONE, 8},
            {"nameAlg AES", OWNER, NONE, 0x01000000, TpmAlgId.AES, rw, NONE, 8},
            {"index handle not NV", OWNER, NONE, 0x81000000, SHA256, rw, NONE, 8},
            {"index handle a PCR", OWNER, NONE, 0x00000001, SHA256, rw, NONE, 8},
            {"authPolicy of 65 bytes", OWNER, NONE, 0x01000000, SHA512, rw, new byte[65], 8},
        };
        for (Object[] c : cases) {
            d.same((String) c[0], Commands.nvDefineSpace((int) c[1], NONE, (byte[]) c[2], (int) c[3], (int) c[4],
                    (int) c[5], (byte[]) c[6], (int) c[7]));
        }
        byte[] pub = Commands.nvPublic(0x01000020, SHA256, OWNER_RW, NONE, 8);
        d.same("TPM2B_NV_PUBLIC of size 0", Commands.build(0x8002, 0x12A, w -> {
            w.u32(OWNER).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u16(0).u16(0);
        }));
        d.same("TPM2B_NV_PUBLIC one byte too long", Commands.build(0x8002, 0x12A, w -> {
            w.u32(OWNER).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u16(0).u16(pub.length + 1).bytes(pub).u8(0);
        }));
        d.same("TPM2B_NV_PUBLIC one byte too short", Commands.build(0x8002, 0x12A, w -> {
            w.u32(OWNER).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u16(0).u16(pub.length - 1).bytes(pub);
        }));
        d.same("truncated public area", Commands.build(0x8002, 0x12A, w -> {
            w.u32(OWNER).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u16(0).u16(pub.length).bytes(pub, 0, pub.length - 1);
        }));
        d.same("auth of 65 bytes", Commands.nvDefineSpace(OWNER, NONE, new byte[65], pub));
        d.same("defined by the endorsement hierarchy: TPM_RC_VALUE",
                Commands.nvDefineSpace(TpmHandles.RH_ENDORSEMENT, NONE, NONE, pub));
        d.same("defined without a session", Commands.noSessions(0x12A, w -> w.u32(OWNER).u16(0).tpm2b(pub)));
        d.same("defined with the wrong owner password", Commands.nvDefineSpace(OWNER, PW, NONE, pub));
        d.same("disable platform NV", Commands.hierarchyControl(PLATFORM, NONE, TpmHandles.RH_PLATFORM_NV, false));
        d.same("platform defines while phEnableNV is clear: TPM_RC_HIERARCHY",
                Commands.nvDefineSpace(PLATFORM, NONE, NONE, 0x01C00000, SHA256, OWNER_RW | PLATFORMCREATE, NONE, 8));
        d.same("disable owner", Commands.hierarchyControl(OWNER, NONE, OWNER, false));
        d.same("owner defines while disabled: TPM_RC_HIERARCHY", Commands.nvDefineSpace(OWNER, NONE, NONE, pub));
        sameNvState("after the failures");
    }
}
