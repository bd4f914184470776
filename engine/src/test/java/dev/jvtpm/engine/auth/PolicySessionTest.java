package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ManualTime;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Policy sessions authorizing commands (CheckPolicyAuthSession, Part 1 §19.7): the session's
 * policyDigest and hash must match the entity's authPolicy, then command code, locality, physical
 * presence, cpHash / nameHash, PCR changes and timeouts are checked in the reference's order with
 * its codes, and PolicyAuthValue / PolicyPassword decide how the authValue is proven. The owner's
 * authPolicy is set directly in the TPM's state (TPM2_SetPrimaryPolicy is not part of this TPM yet).
 */
class PolicySessionTest {
    private static final byte[] OWNER_PW = "owner-pw".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OWNER = SessionClient.handleName(TpmHandles.RH_OWNER);

    private final ManualTime time = new ManualTime();
    private final TpmHarness h = TpmHarness.started(TpmConfig.builder().time(time)
            .stateStore(new InMemoryStateStore()).build());
    private final SessionClient client = new SessionClient(h.tpm()::execute);
    private final PolicyCalc p = new PolicyCalc(ALG_SHA256);

    private void ownerPolicy(int alg, byte[] digest) {
        TpmCore core = TpmInternals.core(h.tpm());
        core.gp.ownerPolicy = new HierarchyPolicy(alg, digest);
        core.gp.ownerAuth = OWNER_PW;
    }

    private void ok(Call c) {
        assertThat(String.format("0x%03X", client.call(c).rc())).isEqualTo("0x000");
    }

    /** HierarchyChangeAuth(owner) to the same password, authorized by {@code a}. */
    private Result changeOwnerAuth(Auth a) {
        return client.call(new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER).auth(a)
                .params(SessionClient.tpm2b(OWNER_PW)));
    }

    private Session policy() {
        return client.start(Start.policy());
    }

    @Test
    void policyAuthValueProvesTheAuthValueWithAnHmac() {
        ownerPolicy(ALG_SHA256, p.authValue(p.zero()));
        Session s = policy();
        ok(PolicyCommands.authValue(s.handle));
        s.authValueNeeded = true;
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
        // The policy was used up: the session starts again from an empty policy.
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x99D);
        ok(PolicyCommands.authValue(s.handle));
        s.authValueNeeded = true;
        byte[] wrong = "wrong".getBytes(StandardCharsets.US_ASCII);
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, wrong)).rc()).isEqualTo(0x9A2);
    }

    @Test
    void policyPasswordSendsTheAuthValueInTheClear() {
        ownerPolicy(ALG_SHA256, p.password(p.zero()));
        Session s = policy();
        ok(PolicyCommands.password(s.handle));
        s.passwordNeeded = true;
        // The client puts the password in the HMAC field and expects an empty response HMAC.
        assertThat(changeOwnerAuth(Auth.of(s, 0, OWNER, OWNER_PW)).rc()).isZero();
        assertThat(s.closed).isTrue();
        Session t = policy();
        ok(PolicyCommands.password(t.handle));
        t.passwordNeeded = true;
        assertThat(changeOwnerAuth(Auth.of(t, CONTINUE, OWNER, "nope".getBytes())).rc()).isEqualTo(0x9A2);
    }

    @Test
    void withoutPolicyAuthValueTheEmptyKeyNeedsNoHmac() {
        ownerPolicy(ALG_SHA256, p.commandCode(p.zero(), TpmCc.HIERARCHY_CHANGE_AUTH));
        Session s = policy();
        ok(PolicyCommands.commandCode(s.handle, TpmCc.HIERARCHY_CHANGE_AUTH));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
    }

    @Test
    void digestAndHashMustMatchTheAuthPolicy() {
        ownerPolicy(ALG_SHA256, p.authValue(p.zero()));
        Session s = policy();
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x99D);
        ownerPolicy(ALG_SHA384, p.zero());
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x99D);
        Session sha384 = client.start(Start.policy().hash(ALG_SHA384));
        ownerPolicy(ALG_SHA256, new byte[48]);
        assertThat(changeOwnerAuth(Auth.of(sha384, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x99D);
        ownerPolicy(ALG_SHA384, new byte[48]);
        assertThat(changeOwnerAuth(Auth.of(sha384, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
    }

    @Test
    void commandCodeLocalityAndPhysicalPresence() {
        ownerPolicy(ALG_SHA256, p.commandCode(p.zero(), TpmCc.CLOCK_SET));
        Session s = policy();
        ok(PolicyCommands.commandCode(s.handle, TpmCc.CLOCK_SET));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x9A4);

        ownerPolicy(ALG_SHA256, p.locality(p.zero(), 0x06));
        ok(PolicyCommands.restart(s.handle));
        ok(PolicyCommands.locality(s.handle, 0x06));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x907);
        h.locality(2);
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
        h.locality(0);

        ownerPolicy(ALG_SHA256, p.physicalPresence(p.zero()));
        ok(PolicyCommands.physicalPresence(s.handle));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x990);
        h.tpm().setPhysicalPresence(true);
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
    }

    @Test
    void cpHashAndNameHashBindThePolicyToOneCommand() {
        Call call = new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .params(SessionClient.tpm2b(OWNER_PW));
        byte[] cp = SessionClient.cpHash(ALG_SHA256, call, SessionClient.tpm2b(OWNER_PW));
        ownerPolicy(ALG_SHA256, p.cpHash(p.zero(), cp));
        Session s = policy();
        ok(PolicyCommands.cpHash(s.handle, cp));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
        ok(PolicyCommands.cpHash(s.handle, cp));
        // Other parameters: another cpHash.
        assertThat(client.call(new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).params(SessionClient.tpm2b(new byte[3]))).rc())
                .isEqualTo(0x99D);

        byte[] names = SessionClient.hash(ALG_SHA256, OWNER);
        ownerPolicy(ALG_SHA256, p.nameHash(p.zero(), names));
        ok(PolicyCommands.restart(s.handle));
        ok(PolicyCommands.nameHash(s.handle, names));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
        // PolicyNameHash after a cpHash, or twice: TPM_RC_CPHASH.
        ok(PolicyCommands.cpHash(s.handle, cp));
        assertThat(client.call(PolicyCommands.nameHash(s.handle, names)).rc()).isEqualTo(0x151);
        assertThat(client.call(PolicyCommands.cpHash(s.handle, names)).rc()).isEqualTo(0x151);
        assertThat(client.call(PolicyCommands.cpHash(s.handle, new byte[20])).rc()).isEqualTo(0x1D5);
    }

    @Test
    void aPcrChangeInvalidatesAPolicyPcrCheck() {
        byte[] selection = PolicyCommands.selection(ALG_SHA256, 1 << 10);
        byte[] pcrDigest = SessionClient.hash(ALG_SHA256, h.pcr(ALG_SHA256, 10));
        ownerPolicy(ALG_SHA256, p.pcr(p.zero(), selection, pcrDigest));
        Session s = policy();
        ok(PolicyCommands.pcr(s.handle, pcrDigest, ALG_SHA256, 1 << 10));
        h.ok(h.call(Commands.pcrExtend(10, ALG_SHA256, new byte[32])));
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x128);
        assertThat(client.call(PolicyCommands.pcr(s.handle, new byte[0], ALG_SHA256, 1 << 10)).rc()).isEqualTo(0x128);
        ok(PolicyCommands.restart(s.handle));
        assertThat(client.call(PolicyCommands.pcr(s.handle, pcrDigest, ALG_SHA256, 1 << 10)).rc()).isEqualTo(0x1C4);
    }

    @Test
    void aPolicySecretTimeoutExpires() {
        ownerPolicy(ALG_SHA256, p.secret(p.zero(), OWNER, new byte[0]));
        Session s = policy();
        ok(PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(OWNER_PW), s.handle, s.nonceTPM,
                new byte[0], new byte[0], 5));
        time.advance(4000);
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isZero();
        ok(PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(OWNER_PW), s.handle, s.nonceTPM,
                new byte[0], new byte[0], 5));
        time.advance(6000);
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x9A3);
        // A stale nonce, a wrong-size cpHashA, an expiration already past.
        assertThat(client.call(PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(OWNER_PW), s.handle,
                new byte[16], new byte[0], new byte[0], 0)).rc()).isEqualTo(0x1CF);
        assertThat(client.call(PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(OWNER_PW), s.handle,
                new byte[0], new byte[5], new byte[0], 0)).rc()).isEqualTo(0x2D5);
        assertThat(client.call(PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(OWNER_PW), s.handle,
                new byte[0], new byte[0], new byte[0], 1)).rc()).isEqualTo(0x4E3);
    }

    @Test
    void policySecretAuthorizedByAPolicySessionNeedsAnAuthValueCheck() {
        ownerPolicy(ALG_SHA256, p.zero());
        Session auth = policy();
        Session target = policy();
        Call secret = PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.of(auth, CONTINUE, OWNER, OWNER_PW),
                target.handle, new byte[0], new byte[0], new byte[0], 0);
        assertThat(client.call(secret).rc()).isEqualTo(0x989);
    }

    @Test
    void policyNvWrittenFailsForAnythingButAnNvIndex() {
        ownerPolicy(ALG_SHA256, p.nvWritten(p.zero(), false));
        Session s = policy();
        ok(PolicyCommands.nvWritten(s.handle, 0));
        assertThat(client.call(PolicyCommands.nvWritten(s.handle, 1)).rc()).isEqualTo(0x1C4);
        assertThat(changeOwnerAuth(Auth.of(s, CONTINUE, OWNER, OWNER_PW)).rc()).isEqualTo(0x99D);
    }

    @Test
    void policyCommandArgumentChecks() {
        Session s = policy();
        ok(PolicyCommands.commandCode(s.handle, TpmCc.CLOCK_SET));
        assertThat(client.call(PolicyCommands.commandCode(s.handle, TpmCc.HIERARCHY_CHANGE_AUTH)).rc()).isEqualTo(0x1C4);
        Session t = policy();
        assertThat(client.call(PolicyCommands.commandCode(t.handle, 0x0199)).rc()).isEqualTo(0x1E4);
        assertThat(client.call(PolicyCommands.locality(t.handle, 0)).rc()).isEqualTo(0x1CD);
        ok(PolicyCommands.locality(t.handle, 0x01));
        assertThat(client.call(PolicyCommands.locality(t.handle, 0x02)).rc()).isEqualTo(0x1CD);
        assertThat(client.call(PolicyCommands.locality(t.handle, 0x40)).rc()).isEqualTo(0x1CD);
        assertThat(client.call(PolicyCommands.or(t.handle, new byte[32])).rc()).isEqualTo(0x1D5);
        assertThat(client.call(PolicyCommands.or(t.handle, new byte[32], new byte[31])).rc()).isEqualTo(0x1C4);
        assertThat(client.call(PolicyCommands.counterTimer(t.handle, new byte[8], 26, 0)).rc()).isEqualTo(0x2C4);
        assertThat(client.call(PolicyCommands.counterTimer(t.handle, new byte[8], 20, 0)).rc()).isEqualTo(0x08D);
        assertThat(client.call(PolicyCommands.counterTimer(t.handle, new byte[8], 0, 12)).rc()).isEqualTo(0x3C4);
        // Clock is not below zero: the condition fails.
        assertThat(client.call(PolicyCommands.counterTimer(t.handle, new byte[8], 8, 5)).rc()).isEqualTo(0x126);
        assertThat(client.call(PolicyCommands.template(t.handle, new byte[31])).rc()).isEqualTo(0x1D5);
        byte[] name = SessionClient.concat(new byte[] {0, 0x0B}, new byte[32]);
        assertThat(client.call(PolicyCommands.authorize(t.handle, new byte[0], new byte[0], new byte[] {0, 0x0B},
                TpmHandles.RH_OWNER, new byte[0])).rc()).isEqualTo(0x3D5);
        assertThat(client.call(PolicyCommands.authorize(t.handle, new byte[0], new byte[0], new byte[] {0, 0x12, 1},
                TpmHandles.RH_OWNER, new byte[0])).rc()).isEqualTo(0x3C3);
        assertThat(client.call(PolicyCommands.authorize(t.handle, new byte[32], new byte[0], name,
                TpmHandles.RH_OWNER, new byte[0])).rc()).isEqualTo(0x1C4);
        Session u = policy();
        ok(PolicyCommands.commandCode(u.handle, TpmCc.CLOCK_SET));
        assertThat(client.call(PolicyCommands.duplicationSelect(u.handle, name, OWNER, 1)).rc()).isEqualTo(0x143);
        ok(PolicyCommands.restart(u.handle));
        ok(PolicyCommands.cpHash(u.handle, new byte[32]));
        assertThat(client.call(PolicyCommands.duplicationSelect(u.handle, name, OWNER, 1)).rc()).isEqualTo(0x151);
        assertThat(client.call(PolicyCommands.template(u.handle, new byte[32])).rc()).isEqualTo(0x151);
    }

    @Test
    void policyCommandsNeedAPolicySession() {
        Session hmac = client.start(Start.hmac());
        assertThat(client.call(PolicyCommands.authValue(hmac.handle)).rc()).isEqualTo(0x184);
        assertThat(client.call(PolicyCommands.authValue(0x03000010)).rc()).isEqualTo(0x910);
        assertThat(client.call(PolicyCommands.authValue(0x03000040)).rc()).isEqualTo(0x184);
        assertThat(client.call(PolicyCommands.authValue(hmac.handle & 0xFFFFFF | 0x03000000)).rc()).isEqualTo(0x18B);
    }
}
