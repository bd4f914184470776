package dev.jvtpm.engine.command.ea;

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
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * TPM2_PolicyNV and TPM2_PolicyAuthorizeNV (Part 3 §23.9, §23.22): the digests they extend, the
 * conditions and access checks they make in policy sessions (and skip in trial sessions), and the
 * response codes of every failing check, as libtpms 0.9.2 answers them.
 */
class PolicyNvTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final byte[] OWNER_NAME = SessionClient.handleName(OWNER);
    private static final byte[] PW = "index-pw".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0x01500030;
    private static final int POLICY = 0x01500031;
    private static final byte[] EIGHT = {0, 1, 2, 3, 4, 5, 6, 7};

    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    private String rc(Call c) {
        return String.format("0x%03X", client.call(c).rc());
    }

    private byte[] digest(Session s) {
        Result r = client.call(PolicyCommands.getDigest(s.handle));
        assertThat(r.rc()).isZero();
        return SessionClient.get2b(r.reader());
    }

    private Call nv(Session s, byte[] operandB, int offset, int operation) {
        byte[] name = NvTesting.readPublic(h, DATA).name();
        return PolicyCommands.nv(OWNER, OWNER_NAME, Auth.password(new byte[0]), DATA, name, s.handle, operandB,
                offset, operation);
    }

    private void defineData(int attributes) {
        assertThat(NvTesting.define(h, OWNER, PW, DATA, TpmAlgId.SHA256, attributes, 8)).isZero();
    }

    @Test
    void trialSessionsExtendWithoutReadingTheIndex() {
        defineData(OWNERREAD | OWNERWRITE);
        Session s = client.start(Start.trial().hash(ALG_SHA1));
        byte[] operandB = {9, 9, 9, 9, 9, 9, 9, 9, 9};
        assertThat(rc(nv(s, operandB, 300, Comparison.SIGNED_LE))).as("unwritten, offset and size out of range")
                .isEqualTo("0x000");
        byte[] name = NvTesting.readPublic(h, DATA).name();
        PolicyCalc p = new PolicyCalc(ALG_SHA1);
        assertThat(digest(s)).isEqualTo(p.nv(p.zero(), operandB, 300, Comparison.SIGNED_LE, name));
    }

    @Test
    void policySessionsCompareTheIndexData() {
        defineData(OWNERREAD | OWNERWRITE | AUTHREAD | AUTHWRITE);
        Session s = client.start(Start.policy().hash(ALG_SHA256));
        assertThat(rc(nv(s, new byte[] {1}, 1, Comparison.EQ))).as("never written").isEqualTo("0x14A");
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], DATA, EIGHT, 0))).isZero();
        assertThat(rc(nv(s, new byte[] {2, 3}, 2, Comparison.EQ))).isEqualTo("0x000");
        assertThat(rc(nv(s, new byte[] {2, 3}, 2, Comparison.NEQ))).isEqualTo("0x126");
        assertThat(rc(nv(s, new byte[] {(byte) 0x80}, 7, Comparison.SIGNED_GT))).isEqualTo("0x000");
        assertThat(rc(nv(s, new byte[] {(byte) 0x80}, 7, Comparison.UNSIGNED_GT))).isEqualTo("0x126");
        assertThat(rc(nv(s, new byte[] {0x06}, 7, Comparison.BITSET))).isEqualTo("0x000");
        assertThat(rc(nv(s, new byte[] {0x08}, 7, Comparison.BITCLEAR))).isEqualTo("0x000");
        assertThat(rc(nv(s, new byte[0], 8, Comparison.EQ))).as("empty operand at the end").isEqualTo("0x000");
        assertThat(rc(nv(s, new byte[] {1}, 9, Comparison.EQ))).as("offset past the end").isEqualTo("0x2C4");
        assertThat(rc(nv(s, new byte[] {7, 0}, 7, Comparison.EQ))).as("operand past the end").isEqualTo("0x1D5");
        byte[] name = NvTesting.readPublic(h, DATA).name();
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] expected = p.nv(p.zero(), new byte[] {2, 3}, 2, Comparison.EQ, name);
        expected = p.nv(expected, new byte[] {(byte) 0x80}, 7, Comparison.SIGNED_GT, name);
        expected = p.nv(expected, new byte[] {0x06}, 7, Comparison.BITSET, name);
        expected = p.nv(expected, new byte[] {0x08}, 7, Comparison.BITCLEAR, name);
        expected = p.nv(expected, new byte[0], 8, Comparison.EQ, name);
        assertThat(digest(s)).as("only the conditions that held extended").isEqualTo(expected);
        Call byIndex = PolicyCommands.nv(DATA, name, Auth.password(PW), DATA, name, s.handle, new byte[] {0}, 0,
                Comparison.EQ);
        assertThat(rc(byIndex)).as("first DA-protected authorization after Startup (DA_USED)").isEqualTo("0x922");
        assertThat(rc(byIndex)).as("the index authorizes its own read").isEqualTo("0x000");
    }

    @Test
    void readAccessChecksApply() {
        defineData(PPREAD | PPWRITE | OWNERWRITE | READ_STCLEAR | AUTHREAD);
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], DATA, EIGHT, 0))).isZero();
        Session s = client.start(Start.policy());
        assertThat(rc(nv(s, new byte[] {0}, 0, Comparison.EQ))).as("owner lacks OWNERREAD").isEqualTo("0x149");
        assertThat(h.rc(Commands.nvReadLock(TpmHandles.RH_PLATFORM, new byte[0], DATA))).isZero();
        assertThat(rc(nv(s, new byte[] {0}, 0, Comparison.EQ))).as("read-locked").isEqualTo("0x148");
    }

    private void definePolicyIndex(int size) {
        assertThat(NvTesting.define(h, OWNER, PW, POLICY, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE, size)).isZero();
    }

    private Call authorizeNv(Session s) {
        return PolicyCommands.authorizeNv(OWNER, OWNER_NAME, Auth.password(new byte[0]), POLICY,
                NvTesting.readPublic(h, POLICY).name(), s.handle);
    }

    @Test
    void authorizeNvReplacesThePolicyHeldInTheIndex() {
        definePolicyIndex(34);
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] approved = p.commandCode(p.zero(), TpmCc.NV_READ);
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], POLICY, SessionClient.concat(new byte[] {0, 0x0B}, approved),
                0))).isZero();
        Session s = client.start(Start.policy());
        assertThat(rc(authorizeNv(s))).as("zero digest is not the approved one").isEqualTo("0x084");
        assertThat(rc(PolicyCommands.commandCode(s.handle, TpmCc.NV_READ))).isEqualTo("0x000");
        assertThat(rc(authorizeNv(s))).isEqualTo("0x000");
        byte[] name = NvTesting.readPublic(h, POLICY).name();
        assertThat(digest(s)).isEqualTo(p.authorizeNv(name));
        Session sha1 = client.start(Start.policy().hash(ALG_SHA1));
        assertThat(rc(authorizeNv(sha1))).as("index holds a SHA-256 policy").isEqualTo("0x083");
        Session trial = client.start(Start.trial().hash(ALG_SHA1));
        assertThat(rc(authorizeNv(trial))).isEqualTo("0x000");
        assertThat(digest(trial)).isEqualTo(new PolicyCalc(ALG_SHA1).authorizeNv(name));
    }

    @Test
    void authorizeNvNeedsATpmtHaInTheIndex() {
        definePolicyIndex(34);
        Session s = client.start(Start.policy());
        assertThat(rc(authorizeNv(s))).as("never written").isEqualTo("0x14A");
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], POLICY, new byte[] {0, 0x10}, 0))).isZero();
        assertThat(rc(authorizeNv(s))).as("TPM_ALG_NULL").isEqualTo("0x083");
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], POLICY, new byte[] {0, 0x0D}, 0))).isZero();
        assertThat(rc(authorizeNv(s))).as("a SHA-512 digest does not fit in 32 bytes").isEqualTo("0x09A");
        assertThat(h.rc(Commands.nvUndefineSpace(OWNER, new byte[0], POLICY))).isZero();
        definePolicyIndex(1);
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], POLICY, new byte[] {0}, 0))).isZero();
        assertThat(rc(authorizeNv(s))).as("no room for the algorithm").isEqualTo("0x09A");
    }

    @Test
    void anIndexReadableByPolicyNvCondition() {
        defineData(OWNERREAD | OWNERWRITE);
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], DATA, EIGHT, 0))).isZero();
        byte[] dataName = NvTesting.readPublic(h, DATA).name();
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] policy = p.nv(p.zero(), new byte[] {0, 1}, 0, Comparison.EQ, dataName);
        int guarded = 0x01500032;
        assertThat(h.rc(Commands.nvDefineSpace(OWNER, new byte[0], new byte[0], guarded, TpmAlgId.SHA256,
                POLICYREAD | OWNERWRITE, policy, 4))).isZero();
        assertThat(h.rc(Commands.nvWrite(OWNER, new byte[0], guarded, new byte[] {4, 3, 2, 1}, 0))).isZero();
        byte[] guardedName = NvTesting.readPublic(h, guarded).name();
        Session s = client.start(Start.policy());
        assertThat(rc(nv(s, new byte[] {0, 1}, 0, Comparison.EQ))).isEqualTo("0x000");
        Result read = client.call(new Call(TpmCc.NV_READ).handle(guarded, guardedName).handle(guarded, guardedName)
                .auth(Auth.of(s, 0, guardedName, new byte[0])).params(new byte[] {0, 4, 0, 0}));
        assertThat(read.rc()).isZero();
        assertThat(SessionClient.get2b(read.reader())).containsExactly(4, 3, 2, 1);
    }

    @Test
    void signedComparisonsOrderNegativeOperandsAsTheReferenceDoes() {
        byte[] a = {(byte) 0x87};
        byte[] b = {(byte) 0x80};
        assertThat(Comparison.holds(Comparison.SIGNED_GT, a, 0, b)).as("reference: two negatives in reverse").isFalse();
        assertThat(Comparison.holds(Comparison.SIGNED_LT, a, 0, b)).isTrue();
        assertThat(Comparison.holds(Comparison.SIGNED_GT, new byte[] {1}, 0, b)).as("positive above negative").isTrue();
        assertThat(Comparison.holds(Comparison.SIGNED_GT, new byte[] {2}, 0, new byte[] {1})).isTrue();
        assertThat(Comparison.holds(Comparison.UNSIGNED_GT, a, 0, b)).isTrue();
    }
}
