package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.nv.NvAttributes.AUTHREAD;
import static dev.jvtpm.engine.nv.NvAttributes.AUTHWRITE;
import static dev.jvtpm.engine.nv.NvAttributes.OWNERREAD;
import static dev.jvtpm.engine.nv.NvAttributes.OWNERWRITE;
import static dev.jvtpm.engine.nv.NvAttributes.POLICYREAD;
import static dev.jvtpm.engine.nv.NvAttributes.PPREAD;
import static dev.jvtpm.engine.nv.NvAttributes.PPWRITE;
import static dev.jvtpm.engine.nv.NvAttributes.READ_STCLEAR;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * TPM2_PolicyNV and TPM2_PolicyAuthorizeNV against swtpm 0.7.1: every comparison operator, every
 * failing check (access, range, condition, TPMT_HA contents) answers the same code on both, the
 * policyDigests are the same on both and equal to the formulas, and an index whose policy is
 * satisfied by PolicyNV or PolicyAuthorizeNV is readable on both.
 */
class PolicyNvDifferentialTest extends SessionDifferentialFixture {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final byte[] OWNER_NAME = SessionClient.handleName(OWNER);
    private static final byte[] NONE = new byte[0];
    private static final byte[] PW = "index-pw".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0x01500040;
    private static final int POLICY = 0x01500041;
    private static final int GUARDED = 0x01500042;
    private static final int EQ = 0, NEQ = 1, SIGNED_GT = 2, UNSIGNED_GT = 3, SIGNED_LT = 4, UNSIGNED_LT = 5,
            SIGNED_GE = 6, UNSIGNED_GE = 7, SIGNED_LE = 8, UNSIGNED_LE = 9, BITSET = 10, BITCLEAR = 11;

    private void expect(int rc, String what, Function<Integer, Call> call) {
        assertThat(String.format("0x%03X", same(what, call)[0].rc())).as(what + " on swtpm")
                .isEqualTo(String.format("0x%03X", rc));
    }

    private void digestIs(String what, Session[] s, byte[] expected) {
        Result[] r = same(what + ": PolicyGetDigest", i -> PolicyCommands.getDigest(s[i].handle));
        byte[] ref = SessionClient.get2b(r[0].reader());
        assertThat(SessionClient.get2b(r[1].reader())).as(what + ": jvtpm digest equals swtpm's").isEqualTo(ref);
        assertThat(ref).as(what + ": swtpm digest equals the formula").isEqualTo(expected);
    }

    /** The Name of an index from NV_ReadPublic, the same on both. */
    private byte[] name(int index) {
        Differential.Pair p = d.same("NV_ReadPublic " + Integer.toHexString(index), Commands.nvReadPublic(index));
        ByteBuffer b = ByteBuffer.wrap(p.reference(), 10, p.reference().length - 10);
        SessionClient.get2b(b);
        return SessionClient.get2b(b);
    }

    private void define(int index, int attributes, byte[] policy, int size) {
        d.same("define " + Integer.toHexString(index), Commands.nvDefineSpace(OWNER, NONE, PW, index,
                TpmAlgId.SHA256, attributes, policy, size));
    }

    private void write(int index, byte[] data) {
        assertThat(d.same("write " + Integer.toHexString(index), Commands.nvWrite(OWNER, NONE, index, data, 0))
                .referenceRc()).isZero();
    }

    private Function<Integer, Call> nv(Session[] s, byte[] operandB, int offset, int operation) {
        byte[] name = name(DATA);
        return i -> PolicyCommands.nv(OWNER, OWNER_NAME, Auth.password(NONE), DATA, name, s[i].handle, operandB,
                offset, operation);
    }

    private Function<Integer, Call> authorizeNv(Session[] s) {
        byte[] name = name(POLICY);
        return i -> PolicyCommands.authorizeNv(OWNER, OWNER_NAME, Auth.password(NONE), POLICY, name, s[i].handle);
    }

    @Test
    void everyOperatorAndEveryCheckOfPolicyNv() {
        define(DATA, OWNERREAD | OWNERWRITE | AUTHREAD | AUTHWRITE, NONE, 8);
        byte[] dataName = name(DATA);
        for (int alg : new int[] {ALG_SHA1, ALG_SHA384}) {
            Session[] t = startBoth(Start.trial().hash(alg));
            expect(0, "trial PolicyNV out of range on an unwritten index", nv(t, new byte[9], 300, SIGNED_LE));
            PolicyCalc p = new PolicyCalc(alg);
            digestIs("trial", t, p.nv(p.zero(), new byte[9], 300, SIGNED_LE, dataName));
            d.same("flush", Commands.flushContext(t[0].handle));
        }
        Session[] s = startBoth(Start.policy().hash(ALG_SHA256));
        expect(0x14A, "never written", nv(s, new byte[] {1}, 0, EQ));
        write(DATA, new byte[] {0, 1, 2, 3, 4, 5, 6, (byte) 0x87});
        byte[] writtenName = name(DATA);
        assertThat(writtenName).as("the Name covers TPMA_NV_WRITTEN").isNotEqualTo(dataName);
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] expected = p.zero();
        byte[][] operands = {{2, 3}, {(byte) 0x80}, {(byte) 0x88}, {0x06}, {0x70}, {}, {0, 1, 2, 3, 4, 5, 6, 7}};
        int[] offsets = {2, 7, 7, 7, 7, 8, 0};
        for (int op = EQ; op <= BITCLEAR; op++) {
            for (int k = 0; k < operands.length; k++) {
                int operation = op;
                byte[] operand = operands[k];
                int offset = offsets[k];
                boolean signedOp = op == SIGNED_GT || op == SIGNED_LT || op == SIGNED_GE || op == SIGNED_LE;
                if (operand.length == 0 && signedOp) {
                    continue; // libtpms' SignedCompareB reads the sign of a zero-length operand from stale memory
                }
                Result[] r = same("operation " + op + " operand " + k, nv(s, operand, offset, operation));
                if (r[0].rc() == 0) {
                    expected = p.nv(expected, operand, offset, operation, writtenName);
                }
            }
        }
        digestIs("after every operator", s, expected);
        expect(0x2C4, "offset past the end", nv(s, new byte[] {1}, 9, EQ));
        expect(0x1D5, "operand past the end", nv(s, new byte[] {7, 0}, 7, EQ));
        expect(0x1D5, "operand longer than the index", nv(s, new byte[9], 0, EQ));
        same("bad operation", nv(s, new byte[] {1}, 0, 12));
        Function<Integer, Call> byIndex = i -> PolicyCommands.nv(DATA, writtenName, Auth.password(PW), DATA, writtenName,
                s[i].handle, new byte[] {0}, 0, EQ);
        same("the index authorizes its own read (DA_USED after Startup)", byIndex);
        expect(0, "the index authorizes its own read", byIndex);
        expect(0x98E, "wrong index password", i -> PolicyCommands.nv(DATA, writtenName, Auth.password(NONE), DATA,
                writtenName, s[i].handle, new byte[] {0}, 0, EQ));
        digestIs("unchanged by failures", s, p.nv(expected, new byte[] {0}, 0, EQ, writtenName));
    }

    @Test
    void readAccessChecksOfPolicyNv() {
        define(DATA, PPREAD | PPWRITE | OWNERWRITE | READ_STCLEAR | AUTHREAD, NONE, 8);
        write(DATA, new byte[8]);
        Session[] s = startBoth(Start.policy());
        expect(0x149, "owner lacks OWNERREAD", nv(s, new byte[] {0}, 0, EQ));
        d.same("read lock", Commands.nvReadLock(TpmHandles.RH_PLATFORM, NONE, DATA));
        expect(0x148, "read-locked", nv(s, new byte[] {0}, 0, EQ));
        expect(0x28B, "no such index", i -> PolicyCommands.nv(OWNER, OWNER_NAME, Auth.password(NONE), DATA + 9,
                new byte[0], s[i].handle, new byte[] {0}, 0, EQ));
    }

    @Test
    void policyAuthorizeNvChecksTheTpmtHaInTheIndex() {
        define(POLICY, OWNERREAD | OWNERWRITE, NONE, 34);
        Session[] s = startBoth(Start.policy());
        expect(0x14A, "never written", authorizeNv(s));
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] approved = p.commandCode(p.zero(), TpmCc.NV_READ);
        write(POLICY, SessionClient.concat(new byte[] {0, 0x0B}, approved));
        expect(0x084, "zero digest is not the approved policy", authorizeNv(s));
        expect(0, "PolicyCommandCode", i -> PolicyCommands.commandCode(s[i].handle, TpmCc.NV_READ));
        expect(0, "PolicyAuthorizeNV", authorizeNv(s));
        digestIs("authorized", s, p.authorizeNv(name(POLICY)));
        Session[] sha1 = startBoth(Start.policy().hash(ALG_SHA1));
        expect(0x083, "index holds a SHA-256 policy", authorizeNv(sha1));
        d.same("flush", Commands.flushContext(sha1[0].handle));
        Session[] trial = startBoth(Start.trial().hash(ALG_SHA384));
        expect(0, "trial", authorizeNv(trial));
        digestIs("trial", trial, new PolicyCalc(ALG_SHA384).authorizeNv(name(POLICY)));
        d.same("flush", Commands.flushContext(trial[0].handle));
        Session[] unwritten = startBoth(Start.trial());
        d.same("define another", Commands.nvDefineSpace(OWNER, NONE, PW, GUARDED, TpmAlgId.SHA256,
                OWNERREAD | OWNERWRITE, NONE, 4));
        Function<Integer, Call> unwrittenIndex = i -> PolicyCommands.authorizeNv(OWNER, OWNER_NAME,
                Auth.password(NONE), GUARDED, name(GUARDED), unwritten[i].handle);
        expect(0, "trial on an unwritten index", unwrittenIndex);
        digestIs("trial, name without WRITTEN", unwritten, p.authorizeNv(name(GUARDED)));
        for (byte[] contents : new byte[][] {{0, 0x10}, {0, 0x0D}, {0x7F, 0x7F}, {0, 0x04}}) {
            write(POLICY, contents);
            same("index starting with " + contents[0] + "/" + contents[1], authorizeNv(s));
        }
        d.same("undefine", Commands.nvUndefineSpace(OWNER, NONE, POLICY));
        define(POLICY, OWNERREAD | OWNERWRITE, NONE, 1);
        write(POLICY, new byte[] {0});
        expect(0x09A, "no room for the algorithm", authorizeNv(s));
    }

    @Test
    void indexesGuardedByPolicyNvAndPolicyAuthorizeNvAreReadable() {
        define(DATA, OWNERREAD | OWNERWRITE, NONE, 8);
        write(DATA, new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        define(POLICY, OWNERREAD | OWNERWRITE, NONE, 34);
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] condition = p.nv(p.zero(), new byte[] {0, 1}, 0, EQ, name(DATA));
        write(POLICY, SessionClient.concat(new byte[] {0, 0x0B}, condition));
        define(GUARDED, POLICYREAD | OWNERWRITE, p.authorizeNv(name(POLICY)), 4);
        write(GUARDED, new byte[] {4, 3, 2, 1});
        byte[] guardedName = name(GUARDED);
        Function<Integer, Call> read = i -> new Call(TpmCc.NV_READ).handle(GUARDED, guardedName)
                .handle(GUARDED, guardedName).auth(Auth.of(sessionOf(i), 0, guardedName, NONE))
                .params(new byte[] {0, 4, 0, 0});
        Session[] s = startBoth(Start.policy());
        current = s;
        expect(0x99D, "read without satisfying the policy", read);
        s = startBoth(Start.policy());
        current = s;
        expect(0, "PolicyNV", nv(s, new byte[] {0, 1}, 0, EQ));
        expect(0, "PolicyAuthorizeNV", authorizeNv(s));
        Result[] r = same("read with the policy satisfied", read);
        assertThat(r[0].rc()).isZero();
        assertThat(SessionClient.get2b(r[1].reader())).containsExactly(4, 3, 2, 1);
        s = startBoth(Start.policy());
        current = s;
        expect(0x126, "PolicyNV condition no longer holds", nv(s, new byte[] {0, 2}, 0, EQ));
    }

    @Test
    void malformedPolicyNvAndPolicyAuthorizeNvAnswerAsSwtpm() {
        define(DATA, OWNERREAD | OWNERWRITE, NONE, 8);
        write(DATA, new byte[8]);
        define(POLICY, OWNERREAD | OWNERWRITE, NONE, 34);
        byte[] name = name(DATA);
        Session[] s = startBoth(Start.policy());
        Session[] hmac = startBoth(Start.hmac());
        Auth pw = Auth.password(NONE);
        same("operandB of 65 bytes", nv(s, new byte[65], 0, EQ));
        same("operandB of 64 bytes", nv(s, new byte[64], 0, EQ));
        same("nvIndex is the owner", i -> PolicyCommands.nv(OWNER, OWNER_NAME, pw, OWNER, OWNER_NAME, s[i].handle,
                new byte[1], 0, EQ));
        same("authHandle is a transient handle", i -> PolicyCommands.nv(0x80000000, new byte[0], pw, DATA, name,
                s[i].handle, new byte[1], 0, EQ));
        same("authHandle is the endorsement hierarchy", i -> PolicyCommands.nv(TpmHandles.RH_ENDORSEMENT,
                SessionClient.handleName(TpmHandles.RH_ENDORSEMENT), pw, DATA, name, s[i].handle, new byte[1], 0, EQ));
        same("authHandle is another index", i -> PolicyCommands.nv(POLICY, name(POLICY), pw, DATA, name, s[i].handle,
                new byte[1], 0, EQ));
        same("policySession is an HMAC session", i -> PolicyCommands.nv(OWNER, OWNER_NAME, pw, DATA, name,
                hmac[i].handle, new byte[1], 0, EQ));
        same("truncated parameters", i -> new Call(0x149).handle(OWNER, OWNER_NAME).handle(DATA, name)
                .handle(s[i].handle).auth(pw).params(new byte[] {0, 1, 0, 0, 0}));
        same("no authorization", i -> new Call(0x149).handle(OWNER, OWNER_NAME).handle(DATA, name)
                .handle(s[i].handle).params(new byte[] {0, 1, 0, 0, 0, 0, 0}));
        same("PolicyAuthorizeNV with parameters", i -> new Call(0x192).handle(OWNER, OWNER_NAME).handle(POLICY)
                .handle(s[i].handle).auth(pw).params(new byte[] {0}));
        same("PolicyAuthorizeNV on an HMAC session", i -> PolicyCommands.authorizeNv(OWNER, OWNER_NAME, pw, POLICY,
                name(POLICY), hmac[i].handle));
        same("PolicyAuthorizeNV of a missing index", i -> PolicyCommands.authorizeNv(OWNER, OWNER_NAME, pw,
                POLICY + 0x10, new byte[0], s[i].handle));
    }

    private Session[] current;

    private Session sessionOf(int i) {
        return current[i];
    }
}
