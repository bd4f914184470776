package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * NV storage (Part 3 §31) against swtpm 0.7.1 with password authorization: every index type and
 * attribute rule, every error path reachable without HMAC or policy sessions, NV_ReadPublic and
 * Names byte for byte, NV data, counters and locks across power cycles with and without orderly
 * shutdown, and the NV capacity properties.
 */
class NvDifferentialTest extends DifferentialFixture {
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

    /** Same answer from both, and it is {@code rc} (so the step's description is checked too). */
    private void expect(int rc, String what, byte[] cmd) {
        Differential.Pair p = d.same(what, cmd);
        org.assertj.core.api.Assertions.assertThat(p.referenceRc()).as(what).isEqualTo(rc);
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
        expect(0x14C, "define again: TPM_RC_NV_DEFINED",
                Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000000, SHA256, OWNER_RW, NONE, 8));
        d.same("undefine", Commands.nvUndefineSpace(OWNER, NONE, 0x01000003));
        d.same("undefine again", Commands.nvUndefineSpace(OWNER, NONE, 0x01000003));
        expect(0x149, "owner undefines a platform index: TPM_RC_NV_AUTHORIZATION",
                Commands.nvUndefineSpace(OWNER, NONE, 0x01C00002));
        d.same("undefine a POLICY_DELETE index: TPM_RC_ATTRIBUTES",
                Commands.nvUndefineSpace(PLATFORM, NONE, 0x01800000));
        d.same("platform undefines an owner index", Commands.nvUndefineSpace(PLATFORM, NONE, 0x01000009));
        expect(0x922, "NV_UndefineSpaceSpecial with a password: the DA check (TPM_RC_RETRY) comes before the role",
                Commands.nvUndefineSpaceSpecial(0x01800000, NONE, NONE));
        expect(0x124, "NV_UndefineSpaceSpecial with a password: TPM_RC_AUTH_TYPE",
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

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    @Test
    void ordinaryIndexesWriteAndReadInRangeAndTheNameChangesWithWritten() {
        define("owner+auth index", OWNER, PW, 0x01000000, SHA256, OWNER_RW | AUTH_RW | NO_DA, NONE, 100);
        define("non-DA auth index", OWNER, PW, 0x01000001, SHA1, AUTH_RW | NO_DA, NONE, 2048);
        define("orderly", OWNER, NONE, 0x01000002, SHA256, OWNER_RW | ORDERLY, NONE, 64);
        define("WRITEALL", OWNER, NONE, 0x01000003, SHA256, OWNER_RW | WRITEALL, NONE, 16);
        define("platform", PLATFORM, NONE, 0x01400000, SHA384, PPREAD | PPWRITE | OWNERREAD | PLATFORMCREATE, NONE, 32);
        define("policy only", OWNER, NONE, 0x01000004, SHA256, POLICYREAD | POLICYWRITE, new byte[32], 8);
        samePublic("unwritten", 0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01400000);
        expect(0x14A, "read unwritten: TPM_RC_NV_UNINITIALIZED", Commands.nvRead(OWNER, NONE, 0x01000000, 10, 0));
        d.same("partial first write", Commands.nvWrite(OWNER, NONE, 0x01000000, bytes(10, 1), 20));
        samePublic("written", 0x01000000);
        d.same("read everything (0xFF where never written)", Commands.nvRead(OWNER, NONE, 0x01000000, 100, 0));
        d.same("index reads itself", Commands.nvRead(0x01000000, PW, 0x01000000, 30, 5));
        d.same("index with wrong password", Commands.nvRead(0x01000000, NONE, 0x01000000, 30, 5));
        d.same("owner with wrong password", Commands.nvRead(OWNER, PW, 0x01000000, 30, 5));
        d.same("another index authorizes: TPM_RC_NV_AUTHORIZATION", Commands.nvRead(0x01000001, PW, 0x01000000, 1, 0));
        d.same("platform without PPREAD: TPM_RC_NV_AUTHORIZATION", Commands.nvRead(PLATFORM, NONE, 0x01000000, 1, 0));
        d.same("size over NV_BUFFER_MAX: TPM_RC_VALUE", Commands.nvRead(OWNER, NONE, 0x01000000, 1025, 0));
        d.same("offset past the end: TPM_RC_VALUE", Commands.nvRead(OWNER, NONE, 0x01000000, 0, 101));
        d.same("offset at the end, size 0", Commands.nvRead(OWNER, NONE, 0x01000000, 0, 100));
        expect(0x146, "range past the end: TPM_RC_NV_RANGE", Commands.nvRead(OWNER, NONE, 0x01000000, 2, 99));
        d.same("write past the end: TPM_RC_NV_RANGE", Commands.nvWrite(OWNER, NONE, 0x01000000, bytes(2, 0), 99));
        d.same("write offset past the end: TPM_RC_VALUE", Commands.nvWrite(OWNER, NONE, 0x01000000, NONE, 101));
        d.same("write of 1025 bytes: TPM_RC_SIZE", Commands.nvWrite(0x01000001, PW, 0x01000001, new byte[1025], 0));
        d.same("index writes itself", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(100, 3), 0));
        d.same("read back", Commands.nvRead(OWNER, NONE, 0x01000000, 100, 0));
        d.same("chunked write 1", Commands.nvWrite(0x01000001, PW, 0x01000001, bytes(1024, 5), 0));
        d.same("chunked write 2", Commands.nvWrite(0x01000001, PW, 0x01000001, bytes(1024, 6), 1024));
        d.same("chunked read 1", Commands.nvRead(0x01000001, PW, 0x01000001, 1024, 0));
        d.same("chunked read 2", Commands.nvRead(0x01000001, PW, 0x01000001, 1024, 1024));
        d.same("owner without OWNERWRITE: TPM_RC_NV_AUTHORIZATION",
                Commands.nvWrite(OWNER, NONE, 0x01000001, bytes(1, 0), 0));
        d.same("owner without OWNERREAD: TPM_RC_NV_AUTHORIZATION", Commands.nvRead(OWNER, NONE, 0x01000001, 1, 0));
        expect(0x922, "policy-only DA-protected index: TPM_RC_RETRY first",
                Commands.nvWrite(0x01000004, NONE, 0x01000004, bytes(1, 0), 0));
        expect(0x12F, "policy-only index with a password: TPM_RC_AUTH_UNAVAILABLE",
                Commands.nvWrite(0x01000004, NONE, 0x01000004, bytes(1, 0), 0));
        d.same("orderly partial first write", Commands.nvWrite(OWNER, NONE, 0x01000002, bytes(8, 9), 8));
        d.same("orderly read (zeros where never written)", Commands.nvRead(OWNER, NONE, 0x01000002, 64, 0));
        samePublic("orderly written", 0x01000002);
        d.same("WRITEALL partial: TPM_RC_NV_RANGE", Commands.nvWrite(OWNER, NONE, 0x01000003, bytes(15, 0), 0));
        d.same("WRITEALL partial at offset: TPM_RC_NV_RANGE", Commands.nvWrite(OWNER, NONE, 0x01000003, bytes(8, 0), 8));
        d.same("WRITEALL full", Commands.nvWrite(OWNER, NONE, 0x01000003, bytes(16, 0), 0));
        d.same("platform writes", Commands.nvWrite(PLATFORM, NONE, 0x01400000, bytes(32, 4), 0));
        d.same("owner reads a platform index", Commands.nvRead(OWNER, NONE, 0x01400000, 32, 0));
        d.same("owner writes a platform index: TPM_RC_NV_AUTHORIZATION",
                Commands.nvWrite(OWNER, NONE, 0x01400000, bytes(1, 0), 0));
        d.same("NV_Write on a counter: TPM_RC_ATTRIBUTES", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000005,
                SHA256, OWNER_RW | type(NT_COUNTER), NONE, 8));
        d.same("NV_Write on a counter: TPM_RC_ATTRIBUTES", Commands.nvWrite(OWNER, NONE, 0x01000005, bytes(8, 0), 0));
        d.same("NV_Increment on an ordinary index: TPM_RC_ATTRIBUTES", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        d.same("NV_Extend on an ordinary index: TPM_RC_ATTRIBUTES", Commands.nvExtend(OWNER, NONE, 0x01000000, NONE));
        d.same("NV_SetBits on an ordinary index: TPM_RC_ATTRIBUTES", Commands.nvSetBits(OWNER, NONE, 0x01000000, 1));
        d.same("NV_Write with a transient authHandle: TPM_RC_VALUE",
                Commands.nvWrite(0x80000000, NONE, 0x01000000, NONE, 0));
        d.same("NV_Write to a non-NV handle: TPM_RC_VALUE", Commands.nvWrite(OWNER, NONE, 0x40000001, NONE, 0));
        d.same("NV_Write with a trailing byte: TPM_RC_SIZE", Commands.build(0x8002, 0x137, w -> {
            w.u32(OWNER).u32(0x01000000).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u16(1).u8(7).u16(0).u8(0);
        }));
        d.same("NV_Read without offset: TPM_RC_INSUFFICIENT", Commands.build(0x8002, 0x14E, w -> {
            w.u32(OWNER).u32(0x01000000).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u16(1);
        }));
        samePublic("after the writes", 0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01400000);
        d.powerCycle();
        d.same("Startup(CLEAR) after no shutdown", Commands.startup(0));
        samePublic("after a TPM Reset", 0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01400000);
        d.same("ordinary data survives", Commands.nvRead(OWNER, NONE, 0x01000000, 100, 0));
        d.same("orderly ordinary data is unwritten after a TPM Reset", Commands.nvRead(OWNER, NONE, 0x01000002, 8, 0));
    }

    @Test
    void countersBitsAndExtendIndexes() {
        define("counter", OWNER, PW, 0x01000000, SHA256, type(NT_COUNTER) | OWNER_RW | AUTH_RW | NO_DA, NONE, 8);
        define("counter 2", OWNER, NONE, 0x01000001, SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8);
        define("bits", OWNER, NONE, 0x01000002, SHA1, type(NT_BITS) | OWNER_RW | CLEAR_STCLEAR, NONE, 8);
        define("extend SHA-1", OWNER, NONE, 0x01000003, SHA1, type(NT_EXTEND) | OWNER_RW, NONE, 20);
        define("extend SHA-256", OWNER, NONE, 0x01000004, SHA256, type(NT_EXTEND) | OWNER_RW, NONE, 32);
        define("extend SHA-384 orderly", OWNER, NONE, 0x01000005, SHA384, type(NT_EXTEND) | OWNER_RW | ORDERLY, NONE, 48);
        define("extend SHA-512", OWNER, NONE, 0x01000006, SHA512, type(NT_EXTEND) | OWNER_RW, NONE, 64);
        sameNvState("defined");
        d.same("read an unincremented counter: TPM_RC_NV_UNINITIALIZED", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        for (int i = 0; i < 5; i++) {
            d.same("increment", Commands.nvIncrement(0x01000000, PW, 0x01000000));
        }
        d.same("counter value", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.same("counter, 4 bytes at offset 4", Commands.nvRead(OWNER, NONE, 0x01000000, 4, 4));
        d.same("undefine the counter at 5", Commands.nvUndefineSpace(OWNER, NONE, 0x01000000));
        d.same("increment counter 2: starts above the deleted counter", Commands.nvIncrement(OWNER, NONE, 0x01000001));
        d.same("counter 2 value", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        define("counter 3", OWNER, NONE, 0x01000000, SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8);
        d.same("increment counter 3", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        d.same("counter 3 value", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.same("set bits", Commands.nvSetBits(OWNER, NONE, 0x01000002, 0x8000000000000001L));
        d.same("set more bits", Commands.nvSetBits(OWNER, NONE, 0x01000002, 0x0100L));
        d.same("bits value", Commands.nvRead(OWNER, NONE, 0x01000002, 8, 0));
        d.same("set bits needs 8 bytes", Commands.build(0x8002, 0x135, w -> {
            w.u32(OWNER).u32(0x01000002).u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.u32(1);
        }));
        for (int idx = 0x01000003; idx <= 0x01000006; idx++) {
            d.same("extend nothing", Commands.nvExtend(OWNER, NONE, idx, NONE));
            d.same("extend", Commands.nvExtend(OWNER, NONE, idx, bytes(1024, idx)));
            d.same("extend value", Commands.nvRead(OWNER, NONE, idx, 20, 0));
            samePublic("extended", idx);
        }
        d.same("extend 1025 bytes: TPM_RC_SIZE", Commands.nvExtend(OWNER, NONE, 0x01000003, new byte[1025]));
        d.same("NV_Increment of bits: TPM_RC_ATTRIBUTES", Commands.nvIncrement(OWNER, NONE, 0x01000002));
        d.same("NV_SetBits of a counter: TPM_RC_ATTRIBUTES", Commands.nvSetBits(OWNER, NONE, 0x01000001, 1));
        d.same("NV_Extend of bits: TPM_RC_ATTRIBUTES", Commands.nvExtend(OWNER, NONE, 0x01000002, NONE));
        sameNvState("used");
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(CLEAR) after Shutdown(STATE): TPM Restart", Commands.startup(0));
        d.same("bits were cleared (CLEAR_STCLEAR)", Commands.nvRead(OWNER, NONE, 0x01000002, 8, 0));
        d.same("orderly extend index survives a Restart", Commands.nvRead(OWNER, NONE, 0x01000005, 48, 0));
        d.same("counters keep counting", Commands.nvIncrement(OWNER, NONE, 0x01000001));
        d.same("counter 2 value", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        samePublic("after a Restart", 0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01000005);
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup(CLEAR) after Shutdown(CLEAR)", Commands.startup(0));
        d.same("orderly extend index is unwritten after a TPM Reset", Commands.nvRead(OWNER, NONE, 0x01000005, 48, 0));
        d.same("extend it again from zeros", Commands.nvExtend(OWNER, NONE, 0x01000005, bytes(3, 3)));
        d.same("extend value", Commands.nvRead(OWNER, NONE, 0x01000005, 48, 0));
    }

    @Test
    void orderlyCountersJumpAheadAfterANonOrderlyShutdown() {
        define("orderly counter", OWNER, NONE, 0x01000000, SHA256, type(NT_COUNTER) | OWNER_RW | ORDERLY, NONE, 8);
        define("orderly counter 2", OWNER, NONE, 0x01000001, SHA256, type(NT_COUNTER) | OWNER_RW | ORDERLY, NONE, 8);
        define("ordinary counter", OWNER, NONE, 0x01000002, SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8);
        for (int i = 0; i < 10; i++) {
            d.same("increment orderly", Commands.nvIncrement(OWNER, NONE, 0x01000000));
            d.same("increment ordinary", Commands.nvIncrement(OWNER, NONE, 0x01000002));
        }
        d.same("orderly value", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.same("STARTUP_CLEAR before", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.STARTUP_CLEAR, 1));
        d.powerCycle();
        d.same("Startup(CLEAR) without Shutdown", Commands.startup(0));
        d.same("orderly counter jumped to the top of its block", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.same("unincremented orderly counter is still unwritten", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        d.same("ordinary counter exact", Commands.nvRead(OWNER, NONE, 0x01000002, 8, 0));
        d.same("increment past the block: saved", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        d.same("value", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        for (int i = 0; i < 3; i++) {
            d.same("increment", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        }
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup(CLEAR) after Shutdown(CLEAR)", Commands.startup(0));
        d.same("orderly counter exact after an orderly shutdown", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.same("increment after shutdown", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.same("increment after Shutdown(STATE): makes the shutdown non-orderly", Commands.nvIncrement(OWNER, NONE,
                0x01000000));
        d.powerCycle();
        d.same("Startup(STATE) refused", Commands.startup(1));
        d.same("Startup(CLEAR)", Commands.startup(0));
        d.same("jumped again", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        for (int i = 0; i < 300; i++) {
            d.same("increment " + i, Commands.nvIncrement(OWNER, NONE, 0x01000001));
        }
        d.powerCycle();
        d.same("Startup(CLEAR) without Shutdown", Commands.startup(0));
        d.same("counter 2 after 300 increments and a crash", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        d.same("undefine an orderly counter", Commands.nvUndefineSpace(OWNER, NONE, 0x01000001));
        define("new counter", OWNER, NONE, 0x01000003, SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8);
        d.same("new counter starts above it", Commands.nvIncrement(OWNER, NONE, 0x01000003));
        d.same("value", Commands.nvRead(OWNER, NONE, 0x01000003, 8, 0));
        sameNvState("end");
    }

    @Test
    void writeReadAndGlobalLocksAndTheStartupsThatClearThem() {
        define("WRITE_STCLEAR", OWNER, NONE, 0x01000000, SHA256, OWNER_RW | WRITE_STCLEAR, NONE, 8);
        define("WRITEDEFINE", OWNER, NONE, 0x01000001, SHA256, OWNER_RW | WRITEDEFINE, NONE, 8);
        define("READ_STCLEAR", OWNER, NONE, 0x01000002, SHA256, OWNER_RW | READ_STCLEAR, NONE, 8);
        define("GLOBALLOCK", OWNER, NONE, 0x01000003, SHA256, OWNER_RW | GLOBALLOCK, NONE, 8);
        define("GLOBALLOCK orderly", OWNER, NONE, 0x01000004, SHA256, OWNER_RW | GLOBALLOCK | ORDERLY, NONE, 8);
        define("no lock attributes", OWNER, NONE, 0x01000005, SHA256, OWNER_RW, NONE, 8);
        define("WRITEDEFINE orderly", OWNER, NONE, 0x01000006, SHA256, OWNER_RW | WRITEDEFINE | ORDERLY, NONE, 8);
        define("platform WRITEDEFINE", PLATFORM, NONE, 0x01C00000, SHA256,
                PPWRITE | PPREAD | OWNERREAD | AUTHREAD | NO_DA | WRITEDEFINE | PLATFORMCREATE, NONE, 8);
        int[] all = {0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01000004, 0x01000005, 0x01000006, 0x01C00000};
        d.same("WriteLock without lock attributes: TPM_RC_ATTRIBUTES", Commands.nvWriteLock(OWNER, NONE, 0x01000005));
        d.same("ReadLock without READ_STCLEAR: TPM_RC_ATTRIBUTES", Commands.nvReadLock(OWNER, NONE, 0x01000005));
        d.same("WriteLock WRITE_STCLEAR", Commands.nvWriteLock(OWNER, NONE, 0x01000000));
        d.same("WriteLock again", Commands.nvWriteLock(OWNER, NONE, 0x01000000));
        expect(0x148, "write a locked index: TPM_RC_NV_LOCKED", Commands.nvWrite(OWNER, NONE, 0x01000000, bytes(8, 0), 0));
        d.same("WriteLock an unwritten WRITEDEFINE index", Commands.nvWriteLock(OWNER, NONE, 0x01000001));
        d.same("ReadLock an unwritten index", Commands.nvReadLock(OWNER, NONE, 0x01000002));
        d.same("ReadLock again", Commands.nvReadLock(OWNER, NONE, 0x01000002));
        d.same("read a read-locked index: TPM_RC_NV_LOCKED", Commands.nvRead(OWNER, NONE, 0x01000002, 8, 0));
        d.same("write a read-locked index", Commands.nvWrite(OWNER, NONE, 0x01000002, bytes(8, 1), 0));
        d.same("write the platform index", Commands.nvWrite(PLATFORM, NONE, 0x01C00000, bytes(8, 2), 0));
        d.same("platform WriteLock", Commands.nvWriteLock(PLATFORM, NONE, 0x01C00000));
        d.same("WriteLock by owner without OWNERWRITE: TPM_RC_NV_AUTHORIZATION",
                Commands.nvWriteLock(OWNER, NONE, 0x01C00000));
        d.same("ReadLock by platform without PPREAD: TPM_RC_NV_AUTHORIZATION",
                Commands.nvReadLock(PLATFORM, NONE, 0x01000002));
        d.same("write GLOBALLOCK orderly", Commands.nvWrite(OWNER, NONE, 0x01000004, bytes(8, 3), 0));
        d.same("write WRITEDEFINE orderly", Commands.nvWrite(OWNER, NONE, 0x01000006, bytes(8, 3), 0));
        d.same("WriteLock WRITEDEFINE orderly", Commands.nvWriteLock(OWNER, NONE, 0x01000006));
        d.same("GlobalWriteLock", Commands.nvGlobalWriteLock(OWNER, NONE));
        d.same("GlobalWriteLock by platform", Commands.nvGlobalWriteLock(PLATFORM, NONE));
        d.same("GlobalWriteLock by endorsement: TPM_RC_VALUE", Commands.nvGlobalWriteLock(TpmHandles.RH_ENDORSEMENT, NONE));
        d.same("write a globally locked index", Commands.nvWrite(OWNER, NONE, 0x01000003, bytes(8, 0), 0));
        samePublic("locked", all);
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(STATE): Resume keeps the locks", Commands.startup(1));
        samePublic("after a Resume", all);
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(CLEAR): Restart clears them", Commands.startup(0));
        samePublic("after a Restart", all);
        d.same("write the WRITEDEFINE index", Commands.nvWrite(OWNER, NONE, 0x01000001, bytes(8, 5), 0));
        d.same("WriteLock it for good", Commands.nvWriteLock(OWNER, NONE, 0x01000001));
        d.same("WriteLock WRITE_STCLEAR", Commands.nvWriteLock(OWNER, NONE, 0x01000000));
        d.powerCycle();
        d.same("Startup(CLEAR) without Shutdown", Commands.startup(0));
        samePublic("after a TPM Reset", all);
        d.same("write a WRITEDEFINE-locked index: TPM_RC_NV_LOCKED",
                Commands.nvWrite(OWNER, NONE, 0x01000001, bytes(8, 0), 0));
    }

    @Test
    void pinPassAndPinFailIndexesCountUsesOfTheirAuthValue() {
        define("pin pass", OWNER, PW, 0x01000000, SHA256, type(NT_PIN_PASS) | OWNER_RW | AUTHREAD | NO_DA, NONE, 8);
        define("pin fail", OWNER, PW, 0x01000001, SHA256, type(NT_PIN_FAIL) | OWNER_RW | AUTHREAD | NO_DA, NONE, 8);
        define("pin pass orderly", OWNER, PW, 0x01000002, SHA256,
                type(NT_PIN_PASS) | OWNER_RW | NO_DA | ORDERLY, NONE, 8);
        d.same("read unwritten pin with its auth: TPM_RC_AUTH_UNAVAILABLE", Commands.nvRead(0x01000000, PW, 0x01000000,
                8, 0));
        define("pin pass for a partial first write", OWNER, PW, 0x01000003, SHA256,
                type(NT_PIN_PASS) | OWNER_RW | AUTHREAD | NO_DA, NONE, 8);
        define("pin fail for a partial first write", OWNER, PW, 0x01000004, SHA256,
                type(NT_PIN_FAIL) | OWNER_RW | AUTHREAD | NO_DA | ORDERLY, NONE, 8);
        d.same("partial first write of a pin pass index", Commands.nvWrite(OWNER, NONE, 0x01000003,
                new byte[] {0, 0, 0, 2}, 4));
        d.same("the bytes never written", Commands.nvRead(OWNER, NONE, 0x01000003, 8, 0));
        d.same("partial first write of an orderly pin fail index", Commands.nvWrite(OWNER, NONE, 0x01000004,
                new byte[] {0, 0, 0, 2}, 4));
        d.same("the bytes never written", Commands.nvRead(OWNER, NONE, 0x01000004, 8, 0));
        byte[] pin = {0, 0, 0, 0, 0, 0, 0, 3}; // pinCount 0, pinLimit 3
        for (int idx = 0x01000000; idx <= 0x01000002; idx++) {
            d.same("write pin", Commands.nvWrite(OWNER, NONE, idx, pin, 0));
        }
        for (int i = 0; i < 4; i++) {
            d.same("pin pass: use " + i, Commands.nvRead(0x01000000, PW, 0x01000000, 8, 0));
            d.same("pin pass orderly: use " + i, Commands.nvRead(0x01000002, PW, 0x01000002, 8, 0));
            d.same("pin pass: owner sees the count", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        }
        d.same("pin pass: wrong password does not count", Commands.nvRead(0x01000000, NONE, 0x01000000, 8, 0));
        d.same("pin fail: wrong password", Commands.nvRead(0x01000001, NONE, 0x01000001, 8, 0));
        d.same("pin fail: count", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        d.same("pin fail: right password resets", Commands.nvRead(0x01000001, PW, 0x01000001, 8, 0));
        for (int i = 0; i < 4; i++) {
            d.same("pin fail: wrong password " + i, Commands.nvRead(0x01000001, NONE, 0x01000001, 8, 0));
        }
        d.same("pin fail: right password after the limit", Commands.nvRead(0x01000001, PW, 0x01000001, 8, 0));
        d.same("pin fail: count", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        d.same("reset the pin pass count", Commands.nvWrite(OWNER, NONE, 0x01000000, pin, 0));
        d.same("pin pass usable again", Commands.nvRead(0x01000000, PW, 0x01000000, 8, 0));
        d.same("partial pin write", Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[] {0, 0, 0, 9}, 4));
        d.same("pin pass: count", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        samePublic("pins", 0x01000000, 0x01000001, 0x01000002);
        d.powerCycle();
        d.same("Startup(CLEAR) without Shutdown", Commands.startup(0));
        d.same("orderly pin pass after a crash", Commands.nvRead(OWNER, NONE, 0x01000002, 8, 0));
    }

    private void sameDa(String what) {
        for (int pt : new int[] {TpmPt.PERMANENT, TpmPt.LOCKOUT_COUNTER, TpmPt.MAX_AUTH_FAIL, TpmPt.LOCKOUT_INTERVAL,
            TpmPt.LOCKOUT_RECOVERY, TpmPt.STARTUP_CLEAR}) {
            d.same(what + ": property " + Integer.toHexString(pt), Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1));
        }
    }

    @Test
    void dictionaryAttackLockoutOnADaProtectedIndex() {
        define("DA-protected index", OWNER, PW, 0x01000000, SHA256, OWNER_RW | AUTH_RW, NONE, 8);
        d.same("write", Commands.nvWrite(OWNER, NONE, 0x01000000, bytes(8, 0), 0));
        sameDa("fresh");
        expect(0x922, "first DA-protected use: TPM_RC_RETRY", Commands.nvRead(0x01000000, NONE, 0x01000000, 8, 0));
        sameDa("after DA_USED");
        expect(0x98E, "wrong password: TPM_RC_AUTH_FAIL", Commands.nvRead(0x01000000, NONE, 0x01000000, 8, 0));
        d.same("right password", Commands.nvRead(0x01000000, PW, 0x01000000, 8, 0));
        d.same("wrong password with trailing zeros stripped", Commands.nvRead(0x01000000,
                new byte[] {'n', 'v', 0}, 0x01000000, 8, 0));
        sameDa("two failures");
        d.same("third failure", Commands.nvRead(0x01000000, new byte[] {1}, 0x01000000, 8, 0));
        sameDa("in lockout");
        expect(0x921, "right password in lockout: TPM_RC_LOCKOUT", Commands.nvRead(0x01000000, PW, 0x01000000, 8, 0));
        d.same("owner still works", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.powerCycle();
        d.same("Startup(CLEAR) without Shutdown", Commands.startup(0));
        sameDa("locked out after a power cycle");
        expect(0x921, "still TPM_RC_LOCKOUT", Commands.nvRead(0x01000000, PW, 0x01000000, 8, 0));
        d.same("DictionaryAttackLockReset with the wrong lockoutAuth", Commands.dictionaryAttackLockReset(PW));
        sameDa("lockoutAuth failed");
        d.same("lockoutAuth is now locked out", Commands.dictionaryAttackLockReset(NONE));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        d.same("lockoutAuth still locked out (lockoutRecovery 1000 s)", Commands.dictionaryAttackLockReset(NONE));
        sameDa("after a second power cycle");
    }

    @Test
    void dictionaryAttackUsedStateAndParameters() {
        define("DA-protected index", OWNER, PW, 0x01000000, SHA256, OWNER_RW | AUTH_RW, NONE, 8);
        define("NO_DA index", OWNER, PW, 0x01000001, SHA256, OWNER_RW | AUTH_RW | NO_DA, NONE, 8);
        d.same("write", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 0), 0));
        d.same("write again", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 0), 0));
        expect(0x9A2, "NO_DA wrong password: TPM_RC_BAD_AUTH", Commands.nvWrite(0x01000001, NONE, 0x01000001, bytes(8, 0), 0));
        sameDa("DA used");
        d.powerCycle();
        d.same("Startup(CLEAR) after a crash with DA used", Commands.startup(0));
        sameDa("crash counted");
        expect(0x922, "first use: TPM_RC_RETRY again", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 0), 0));
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        expect(0x922, "DA use after Shutdown: TPM_RC_RETRY", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 0), 0));
        d.same("and then it works", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 1), 0));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        sameDa("DA use after Shutdown made the shutdown non-orderly");
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup(CLEAR) after an orderly shutdown", Commands.startup(0));
        sameDa("orderly: no count");
        d.same("DictionaryAttackParameters(5, 0, 0)", Commands.dictionaryAttackParameters(NONE, 5, 0, 0));
        sameDa("recoveryTime 0 clears failedTries at the next command");
        d.same("first use", Commands.nvWrite(0x01000000, NONE, 0x01000000, bytes(8, 0), 0));
        d.same("failure not counted", Commands.nvWrite(0x01000000, NONE, 0x01000000, bytes(8, 0), 0));
        sameDa("DA disabled");
        d.same("DictionaryAttackParameters(1, 1000, 0)", Commands.dictionaryAttackParameters(NONE, 1, 1000, 0));
        d.same("one failure", Commands.nvWrite(0x01000000, NONE, 0x01000000, bytes(8, 0), 0));
        d.same("locked out at maxTries 1", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 0), 0));
        sameDa("maxTries 1");
        d.same("wrong lockoutAuth with lockoutRecovery 0", Commands.dictionaryAttackLockReset(PW));
        d.same("lockoutAuth locked", Commands.dictionaryAttackLockReset(NONE));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        expect(0, "lockoutRecovery 0: lockoutAuth back after Startup", Commands.dictionaryAttackLockReset(NONE));
        sameDa("reset");
        d.same("DictionaryAttackParameters with the owner: TPM_RC_VALUE", Commands.withPassword(0x13A, OWNER, NONE,
                w -> w.u32(1).u32(2).u32(3)));
        d.same("DictionaryAttackParameters short: TPM_RC_INSUFFICIENT", Commands.withPassword(0x13A,
                TpmHandles.RH_LOCKOUT, NONE, w -> w.u32(1).u32(2)));
        d.same("DictionaryAttackParameters(0xFFFFFFFF...)", Commands.dictionaryAttackParameters(NONE, -1, -1, -1));
        sameDa("maximal parameters");
        d.same("DictionaryAttackParameters(0, 1, 1)", Commands.dictionaryAttackParameters(NONE, 0, 1, 1));
        sameDa("maxTries 0 is lockout");
        expect(0x921, "locked out with maxTries 0", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 0), 0));
        d.same("NO_DA index unaffected", Commands.nvWrite(0x01000001, PW, 0x01000001, bytes(8, 0), 0));
    }

    @Test
    void hierarchyCommandsAndTheirEffectOnNv() {
        define("owner index", OWNER, NONE, 0x01000000, SHA256, OWNER_RW | AUTH_RW | NO_DA, NONE, 8);
        define("owner counter", OWNER, NONE, 0x01000001, SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8);
        define("platform index", PLATFORM, NONE, 0x01C00002, SHA256,
                PPWRITE | PPREAD | OWNERREAD | AUTHREAD | NO_DA | PLATFORMCREATE, NONE, 8);
        d.same("write platform", Commands.nvWrite(PLATFORM, NONE, 0x01C00002, bytes(8, 1), 0));
        for (int i = 0; i < 7; i++) {
            d.same("increment", Commands.nvIncrement(OWNER, NONE, 0x01000001));
        }
        d.same("disable the owner hierarchy", Commands.hierarchyControl(OWNER, NONE, OWNER, false));
        expect(0x18B, "owner index hidden: TPM_RC_HANDLE", Commands.nvReadPublic(0x01000000));
        d.same("owner index hidden for its own auth", Commands.nvRead(0x01000000, NONE, 0x01000000, 8, 0));
        d.same("platform index visible", Commands.nvRead(PLATFORM, NONE, 0x01C00002, 8, 0));
        sameNvState("owner disabled");
        d.same("disable platform NV", Commands.hierarchyControl(PLATFORM, NONE, TpmHandles.RH_PLATFORM_NV, false));
        d.same("platform index hidden", Commands.nvRead(0x01C00002, NONE, 0x01C00002, 8, 0));
        d.same("enable owner", Commands.hierarchyControl(PLATFORM, NONE, OWNER, true));
        d.same("owner index back", Commands.nvReadPublic(0x01000000));
        d.same("platform index still hidden", Commands.nvReadPublic(0x01C00002));
        d.same("enable platform NV", Commands.hierarchyControl(PLATFORM, NONE, TpmHandles.RH_PLATFORM_NV, true));
        d.same("disable the platform hierarchy (as OVMF does)", Commands.hierarchyControl(PLATFORM, NONE, PLATFORM,
                false));
        d.same("platform index readable by its own auth", Commands.nvRead(0x01C00002, NONE, 0x01C00002, 8, 0));
        d.same("platform index readable by the owner", Commands.nvRead(OWNER, NONE, 0x01C00002, 8, 0));
        expect(0x185, "platform auth: TPM_RC_HIERARCHY", Commands.nvRead(PLATFORM, NONE, 0x01C00002, 8, 0));
        d.same("platform cannot define: TPM_RC_HIERARCHY",
                Commands.nvDefineSpace(PLATFORM, NONE, NONE, 0x01C00003, SHA256, OWNER_RW | PLATFORMCREATE, NONE, 8));
        d.same("owner cannot undefine a platform index", Commands.nvUndefineSpace(OWNER, NONE, 0x01C00002));
        d.same("ClearControl by platform: TPM_RC_HIERARCHY", Commands.clearControl(PLATFORM, NONE, true));
        d.same("Clear by platform: TPM_RC_HIERARCHY", Commands.clear(PLATFORM, NONE));
        d.same("ChangeEPS: TPM_RC_HIERARCHY", Commands.changeEps(NONE));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));

        d.same("owner auth", Commands.hierarchyChangeAuth(OWNER, NONE, PW));
        d.same("endorsement auth", Commands.hierarchyChangeAuth(TpmHandles.RH_ENDORSEMENT, NONE, PW));
        d.same("lockout auth", Commands.hierarchyChangeAuth(TpmHandles.RH_LOCKOUT, NONE, PW));
        for (int h : new int[] {OWNER, TpmHandles.RH_ENDORSEMENT, PLATFORM, TpmHandles.RH_LOCKOUT}) {
            d.same("SetPrimaryPolicy SHA-256", Commands.setPrimaryPolicy(h, h == PLATFORM ? NONE : PW, bytes(32, h),
                    SHA256));
        }
        d.same("SetPrimaryPolicy wrong size", Commands.setPrimaryPolicy(OWNER, PW, bytes(20, 0), SHA256));
        d.same("SetPrimaryPolicy NULL with a digest", Commands.setPrimaryPolicy(OWNER, PW, bytes(20, 0), TpmAlgId.NULL));
        d.same("SetPrimaryPolicy bad hash", Commands.setPrimaryPolicy(OWNER, PW, bytes(20, 0), TpmAlgId.AES));
        d.same("SetPrimaryPolicy for NULL: TPM_RC_VALUE", Commands.setPrimaryPolicy(TpmHandles.RH_NULL, NONE, NONE,
                TpmAlgId.NULL));
        d.same("SetPrimaryPolicy SHA-1 endorsement", Commands.setPrimaryPolicy(TpmHandles.RH_ENDORSEMENT, PW,
                bytes(20, 1), SHA1));
        d.same("auth policies", Commands.getCapability(TpmCap.AUTH_POLICIES, 0x40000000, 10));
        sameDa("auths set");
        d.same("ClearControl(lockout, YES)", Commands.clearControl(TpmHandles.RH_LOCKOUT, PW, true));
        sameDa("disableClear");
        expect(0x120, "Clear while disabled: TPM_RC_DISABLED", Commands.clear(TpmHandles.RH_LOCKOUT, PW));
        expect(0x08E, "ClearControl(lockout, NO): TPM_RC_AUTH_FAIL", Commands.clearControl(TpmHandles.RH_LOCKOUT, PW, false));
        sameDa("no DA failure counted");
        d.same("ClearControl with disable 2: TPM_RC_VALUE", Commands.withPassword(0x127, PLATFORM, NONE, w -> w.u8(2)));
        d.same("ClearControl(platform, NO)", Commands.clearControl(PLATFORM, NONE, false));
        d.same("Clear with the owner: TPM_RC_VALUE", Commands.clear(OWNER, PW));
        d.same("Clear with the wrong lockoutAuth", Commands.clear(TpmHandles.RH_LOCKOUT, NONE));
        d.same("lockout locked out", Commands.clear(TpmHandles.RH_LOCKOUT, PW));
        d.same("Clear with platform auth", Commands.clear(PLATFORM, NONE));
        sameDa("cleared");
        sameNvState("cleared");
        d.same("auth policies after Clear", Commands.getCapability(TpmCap.AUTH_POLICIES, 0x40000000, 10));
        d.same("owner auth empty again", Commands.nvReadPublic(0x01C00002));
        d.same("owner index gone", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        d.same("platform index kept", Commands.nvRead(OWNER, NONE, 0x01C00002, 8, 0));
        define("new counter", OWNER, NONE, 0x01000001, SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8);
        d.same("counter starts above the cleared one", Commands.nvIncrement(OWNER, NONE, 0x01000001));
        d.same("value", Commands.nvRead(OWNER, NONE, 0x01000001, 8, 0));
        d.same("PCR update counter bumped", Commands.pcrRead(SHA256, 1));
        d.same("ChangePPS", Commands.changePps(NONE));
        d.same("ChangeEPS", Commands.changeEps(NONE));
        d.same("auth policies after ChangeEPS/PPS", Commands.getCapability(TpmCap.AUTH_POLICIES, 0x40000000, 10));
        d.same("ChangePPS by owner: TPM_RC_VALUE", Commands.withPassword(0x125, OWNER, NONE, w -> { }));
        sameNvState("after ChangeEPS/PPS");
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.same("SetPrimaryPolicy(platform) after Shutdown", Commands.setPrimaryPolicy(PLATFORM, NONE, NONE,
                TpmAlgId.NULL));
        d.powerCycle();
        d.same("Startup(STATE) refused: non-orderly", Commands.startup(1));
        d.same("Startup(CLEAR)", Commands.startup(0));
        sameDa("end");
    }

    @Test
    void nvCapacityRunsOutWhereSwtpmsDoes() {
        // Orderly RAM (512 bytes) first: 12-byte header plus data per orderly index.
        int h = 0x01000000;
        for (int i = 0; i < 30; i++) {
            d.same("orderly counter " + i, Commands.nvDefineSpace(OWNER, NONE, NONE, h++, SHA256,
                    type(NT_COUNTER) | OWNER_RW | ORDERLY, NONE, 8));
        }
        expect(0x14B, "orderly RAM is full: TPM_RC_NV_SPACE", Commands.nvDefineSpace(OWNER, NONE, NONE, h, SHA256,
                OWNER_RW | ORDERLY, NONE, 4));
        sameNvState("orderly RAM full");
        for (int i = 0; i < 5; i++) {
            d.same("undefine orderly counter", Commands.nvUndefineSpace(OWNER, NONE, 0x01000000 + i));
        }
        d.same("orderly index of 88 bytes fits", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01100000, SHA256,
                OWNER_RW | ORDERLY, NONE, 88));
        expect(0x14B, "one more byte does not", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01100001, SHA256,
                OWNER_RW | ORDERLY, NONE, 1));
        d.same("but a non-orderly one does", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01100001, SHA256,
                OWNER_RW, NONE, 1));
        // Then the NV list, which keeps room for 7 persistent objects and 8 counters.
        h = 0x01200000;
        int rc = 0;
        for (int i = 0; i < 200 && rc == 0; i++) {
            rc = d.same("2048-byte index " + i, Commands.nvDefineSpace(OWNER, NONE, NONE, h++, SHA256, OWNER_RW,
                    NONE, 2048)).referenceRc();
        }
        org.assertj.core.api.Assertions.assertThat(rc).as("NV filled up").isEqualTo(0x14B);
        sameNvState("NV nearly full");
        for (int size : new int[] {1024, 512, 256, 128, 64, 32, 16, 8, 4, 2, 1, 0}) {
            d.same("index of " + size, Commands.nvDefineSpace(OWNER, NONE, NONE, h++, SHA256, OWNER_RW, NONE, size));
        }
        for (int i = 0; i < 3; i++) {
            d.same("counters have reserved room", Commands.nvDefineSpace(OWNER, NONE, NONE, h++, SHA256,
                    type(NT_COUNTER) | OWNER_RW, NONE, 8));
        }
        sameNvState("NV full");
        d.same("Clear frees the owner's indexes", Commands.clear(TpmHandles.RH_LOCKOUT, NONE));
        sameNvState("after Clear");
    }

    @Test
    void storedVolatileStateCarriesOrderlyNvRamAndDaUse() {
        define("orderly counter", OWNER, NONE, 0x01000000, SHA256, type(NT_COUNTER) | OWNER_RW | ORDERLY, NONE, 8);
        define("orderly index", OWNER, NONE, 0x01000001, SHA256, OWNER_RW | ORDERLY | WRITE_STCLEAR, NONE, 16);
        define("DA-protected index", OWNER, PW, 0x01000002, SHA256, OWNER_RW | AUTH_RW, NONE, 8);
        for (int i = 0; i < 5; i++) {
            d.same("increment", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        }
        d.same("write orderly", Commands.nvWrite(OWNER, NONE, 0x01000001, bytes(4, 1), 2));
        d.same("write-lock orderly", Commands.nvWriteLock(OWNER, NONE, 0x01000001));
        expect(0x922, "DA use", Commands.nvWrite(0x01000002, PW, 0x01000002, bytes(8, 2), 0));
        d.storeVolatile();
        d.same("increment after the store", Commands.nvIncrement(OWNER, NONE, 0x01000000));
        d.powerCycle();
        d.same("resumed counter", Commands.nvRead(OWNER, NONE, 0x01000000, 8, 0));
        samePublic("resumed", 0x01000000, 0x01000001);
        d.same("resumed orderly data", Commands.nvRead(OWNER, NONE, 0x01000001, 16, 0));
        expect(0, "DA use was resumed too: no TPM_RC_RETRY", Commands.nvWrite(0x01000002, PW, 0x01000002,
                bytes(8, 2), 0));
        sameDa("resumed");
    }

    @Test
    void aRefusedResumeLosesTheDaUseOfTheCrashedCycle() {
        define("DA-protected index", OWNER, PW, 0x01000000, SHA256, OWNER_RW | AUTH_RW, NONE, 8);
        expect(0x922, "DA use", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 2), 0));
        d.powerCycle();
        d.same("Startup(STATE) refused", Commands.startup(1));
        d.same("Startup(CLEAR)", Commands.startup(0));
        sameDa("the crash was not counted");
        expect(0x922, "DA use", Commands.nvWrite(0x01000000, PW, 0x01000000, bytes(8, 2), 0));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        sameDa("this crash was counted");
    }

    /**
     * A PIN index written partially the first time shows what its NV data area held: what the
     * deletions before left in libtpms' NV image (zeros, erased 0xFF), across an in-process
     * power cycle too.
     */
    @Test
    void unwrittenBytesOfANewIndexAreWhatDeletionsLeftInNv() {
        int pinPass = type(NT_PIN_PASS) | OWNER_RW | NO_DA;
        int h = 0x01000100;
        for (int round = 0; round < 3; round++) {
            define("a", OWNER, NONE, 0x01000000, SHA256, OWNER_RW, NONE, 300);
            define("b", OWNER, NONE, 0x01000001, SHA256, OWNER_RW, NONE, 50 + 40 * round);
            define("c", OWNER, NONE, 0x01000002, SHA256, OWNER_RW | ORDERLY, NONE, 20);
            d.same("write a", Commands.nvWrite(OWNER, NONE, 0x01000000, bytes(300, round), 0));
            d.same("delete a (not last)", Commands.nvUndefineSpace(OWNER, NONE, 0x01000000));
            for (int i = 0; i < 3; i++) {
                define("pin", OWNER, NONE, h, SHA256, pinPass, NONE, 8);
                d.same("partial first write", Commands.nvWrite(OWNER, NONE, h, new byte[] {0, 0, 0, 7}, 4));
                d.same("unwritten bytes", Commands.nvRead(OWNER, NONE, h, 8, 0));
                d.same("delete the pin (last)", Commands.nvUndefineSpace(OWNER, NONE, h + 1 - 1));
                define("pin again", OWNER, NONE, h + 1, SHA256, pinPass, NONE, 8);
                d.same("partial first write", Commands.nvWrite(OWNER, NONE, h + 1, new byte[] {1}, 7));
                d.same("unwritten bytes", Commands.nvRead(OWNER, NONE, h + 1, 8, 0));
                h += 2;
            }
            d.same("delete b", Commands.nvUndefineSpace(OWNER, NONE, 0x01000001));
            d.same("delete c", Commands.nvUndefineSpace(OWNER, NONE, 0x01000002));
            d.powerCycle();
            d.same("Startup", Commands.startup(0));
        }
    }

    /** An AES primary: quick to create, and the same on both sides but for the seeds. */
    private static byte[] aesPrimary(int hierarchy) {
        return dev.jvtpm.engine.testing.ObjectCommands.createPrimary(hierarchy,
                dev.jvtpm.engine.testing.Templates.symCipher(0x00020072, dev.jvtpm.engine.types.HashAlg.SHA256,
                        dev.jvtpm.engine.testing.Templates.AES128_CFB));
    }

    private static byte[] evict(int auth, int object, int persistent) {
        return dev.jvtpm.engine.testing.ObjectCommands.evictControl(auth, NONE, object, persistent);
    }

    @Test
    void persistentObjectsShareTheNvListWithIndexes() {
        d.sameCode("owner primary", aesPrimary(OWNER));
        d.sameCode("endorsement primary", aesPrimary(TpmHandles.RH_ENDORSEMENT));
        d.sameCode("platform primary", aesPrimary(PLATFORM));
        int rc = 0;
        int n = 0;
        while (rc == 0 && n < 100) {
            rc = d.same("persist owner object " + n, evict(OWNER, 0x80000000, 0x81000000 + n)).referenceRc();
            n++;
        }
        org.assertj.core.api.Assertions.assertThat(rc).as("NV full of persistent objects").isEqualTo(0x14B);
        sameNvState("full of persistent objects");
        expect(0x14B, "a large index does not fit", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000000, SHA256,
                OWNER_RW, NONE, 1024));
        expect(0, "a small one does", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000001, SHA256,
                OWNER_RW, NONE, 8));
        for (int i = 0; i < 8; i++) {
            d.same("but counters have their reserved room", Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01000010 + i,
                    SHA256, type(NT_COUNTER) | OWNER_RW, NONE, 8));
        }
        for (int i = 0; i < 10; i++) {
            d.same("remove persistent object " + i, evict(OWNER, 0x81000000 + 3 * i, 0x81000000 + 3 * i));
        }
        sameNvState("after removals");
        d.same("persist the endorsement object", evict(OWNER, 0x80000001, 0x81010001));
        d.same("persist the platform object", evict(PLATFORM, 0x80000002, 0x81800000));
        define("an index between objects", OWNER, NONE, 0x01000000, SHA256, OWNER_RW, NONE, 600);
        d.same("persist again", evict(OWNER, 0x80000000, 0x81000000));
        define("a platform index", PLATFORM, NONE, 0x01C00000, SHA256, PPREAD | PPWRITE | PLATFORMCREATE, NONE, 8);
        sameNvState("mixed");
        d.same("persistent handles", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 200));
        d.same("ChangeEPS removes the endorsement object", Commands.changeEps(NONE));
        d.same("persistent handles", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 200));
        d.same("ChangePPS removes the platform object", Commands.changePps(NONE));
        sameNvState("after ChangeEPS and ChangePPS");
        d.same("Clear removes the owner objects and indexes", Commands.clear(TpmHandles.RH_LOCKOUT, NONE));
        sameNvState("after Clear");
        d.same("persistent handles after Clear", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 200));
        int pinPass = type(NT_PIN_PASS) | OWNER_RW | NO_DA;
        for (int i = 0; i < 4; i++) {
            define("pin", OWNER, NONE, 0x01100000 + i, SHA256, pinPass, NONE, 8);
            d.same("partial first write", Commands.nvWrite(OWNER, NONE, 0x01100000 + i, new byte[] {0, 0, 0, 1}, 4));
            d.same("what the flush left in NV", Commands.nvRead(OWNER, NONE, 0x01100000 + i, 8, 0));
        }
        d.powerCycle();
        d.same("Startup", Commands.startup(0));
        sameNvState("after a power cycle");
    }
}
