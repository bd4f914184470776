package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.testing.Commands;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HMAC sessions authorizing commands (Part 1 §19.6): the command and response HMAC formulas,
 * binding, nonce rolling, continueSession, the empty-key rule, DA consequences and the reference's
 * session checks with their session positions. The client computes every HMAC from the spec.
 */
class HmacSessionTest {
    private static final byte[] OWNER_PW = "owner-secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDORSEMENT_PW = "endorsement\0\0".getBytes(StandardCharsets.US_ASCII);

    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    private void setPasswords() {
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], OWNER_PW)));
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_ENDORSEMENT, new byte[0], ENDORSEMENT_PW)));
    }

    /** HierarchyChangeAuth of {@code hierarchy} (current auth {@code auth}) to {@code newAuth} with {@code a}. */
    private Result changeAuth(int hierarchy, Auth a, byte[] newAuth) {
        return client.call(new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(hierarchy).auth(a.responseAuth(newAuth))
                .params(SessionClient.tpm2b(newAuth)));
    }

    private Result pcrExtend(int pcr, Auth a) {
        byte[] digests = java.nio.ByteBuffer.allocate(4 + 2 + 32).putInt(1).putShort((short) 0x000B).array();
        return client.call(new Call(TpmCc.PCR_EXTEND).handle(pcr).auth(a).params(digests));
    }

    @Test
    void emptyKeyAndEmptyHmacAuthorizeAnEmptyAuthValue() {
        Session s = client.start(Start.hmac());
        assertThat(s.sessionKey).isEmpty();
        Result r = pcrExtend(16, Auth.of(s, CONTINUE, 16, new byte[0]));
        assertThat(r.rc()).isZero();
    }

    @Test
    void emptyKeyWithAnHmacIsCheckedAsAnHmac() {
        Session s = client.start(Start.hmac());
        assertThat(pcrExtend(16, Auth.of(s, CONTINUE, 16, new byte[0]).alwaysHmac()).rc()).isZero();
        assertThat(pcrExtend(16, Auth.of(s, CONTINUE, 16, new byte[0]).hmac(new byte[32])).rc()).isEqualTo(0x9A2);
    }

    @ParameterizedTest
    @ValueSource(ints = {SessionClient.ALG_SHA1, SessionClient.ALG_SHA256, SessionClient.ALG_SHA384,
            SessionClient.ALG_SHA512})
    void anUnboundSessionKeysTheHmacWithTheAuthValue(int hash) {
        setPasswords();
        Session s = client.start(Start.hmac().hash(hash));
        byte[] next = "next".getBytes(StandardCharsets.US_ASCII);
        assertThat(changeAuth(TpmHandles.RH_OWNER, Auth.of(s, CONTINUE, TpmHandles.RH_OWNER, OWNER_PW), next).rc())
                .isZero();
        // The response HMAC used the new authValue (checked by the client); the password works.
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, next, OWNER_PW)));
    }

    @Test
    void trailingZerosOfTheAuthValueAreNotPartOfTheKey() {
        setPasswords();
        Session s = client.start(Start.hmac());
        // The client strips "endorsement\0\0" to "endorsement"; sending it unstripped must work too.
        assertThat(changeAuth(TpmHandles.RH_ENDORSEMENT,
                Auth.of(s, CONTINUE, TpmHandles.RH_ENDORSEMENT, ENDORSEMENT_PW), ENDORSEMENT_PW).rc()).isZero();
    }

    @Test
    void aWrongHmacIsBadAuthForHierarchiesAndAuthFailForLockout() {
        setPasswords();
        Session s = client.start(Start.hmac());
        byte[] wrong = "wrong".getBytes(StandardCharsets.US_ASCII);
        assertThat(changeAuth(TpmHandles.RH_OWNER, Auth.of(s, CONTINUE, TpmHandles.RH_OWNER, wrong), wrong).rc())
                .isEqualTo(0x9A2);
        assertThat(changeAuth(TpmHandles.RH_LOCKOUT, Auth.of(s, CONTINUE, TpmHandles.RH_LOCKOUT, wrong), wrong).rc())
                .isEqualTo(0x98E);
        // lockoutAuth is now locked out, for HMAC sessions as for passwords.
        assertThat(changeAuth(TpmHandles.RH_LOCKOUT, Auth.of(s, CONTINUE, TpmHandles.RH_LOCKOUT, new byte[0]),
                wrong).rc()).isEqualTo(0x921);
    }

    @Test
    void everyResponseRollsNonceTpmAndAnOldNonceFails() {
        Session s = client.start(Start.hmac().bind(TpmHandles.RH_NULL, new byte[0]));
        Session bound = client.start(Start.hmac().bind(TpmHandles.RH_OWNER, new byte[0]));
        byte[] first = bound.nonceTPM;
        assertThat(pcrExtend(16, Auth.of(bound, CONTINUE, 16, new byte[0])).rc()).isZero();
        assertThat(bound.nonceTPM).isNotEqualTo(first).hasSameSizeAs(first);
        byte[] current = bound.nonceTPM;
        bound.nonceTPM = first;
        assertThat(pcrExtend(16, Auth.of(bound, CONTINUE, 16, new byte[0])).rc()).isEqualTo(0x9A2);
        bound.nonceTPM = current;
        assertThat(pcrExtend(16, Auth.of(bound, CONTINUE, 16, new byte[0])).rc()).isZero();
        assertThat(s.handle).isNotEqualTo(bound.handle);
    }

    @Test
    void withoutContinueSessionTheSessionEndsAfterASuccess() {
        Session s = client.start(Start.hmac());
        // A failed command does not end it.
        assertThat(pcrExtend(16, Auth.of(s, 0, 16, new byte[0]).hmac(new byte[32])).rc()).isEqualTo(0x9A2);
        assertThat(pcrExtend(16, Auth.of(s, 0, 16, new byte[0])).rc()).isZero();
        assertThat(s.closed).isTrue();
        assertThat(pcrExtend(16, Auth.of(s, 0, 16, new byte[0])).rc()).isEqualTo(0x918);
        assertThat(h.rc(Commands.flushContext(s.handle))).isEqualTo(0x1CB);
    }

    @Test
    void aBoundSessionLeavesTheAuthValueOfItsBindEntityOutOfTheHmac() {
        setPasswords();
        Session s = client.start(Start.hmac().bind(TpmHandles.RH_OWNER, OWNER_PW));
        assertThat(s.sessionKey).hasSize(32);
        // Bound entity: key = sessionKey only (the client leaves the authValue out).
        assertThat(changeAuth(TpmHandles.RH_OWNER, Auth.of(s, CONTINUE, TpmHandles.RH_OWNER, OWNER_PW), OWNER_PW)
                .rc()).isZero();
        // Another entity: key = sessionKey ‖ its authValue.
        assertThat(changeAuth(TpmHandles.RH_ENDORSEMENT,
                Auth.of(s, CONTINUE, TpmHandles.RH_ENDORSEMENT, ENDORSEMENT_PW), ENDORSEMENT_PW).rc()).isZero();
    }

    @Test
    void changingTheBoundEntitysAuthValueUnbindsTheSession() {
        setPasswords();
        Session s = client.start(Start.hmac().bind(TpmHandles.RH_OWNER, OWNER_PW));
        byte[] next = "changed".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, OWNER_PW, next)));
        // The client sees a different authValue than at binding, so it includes it; so must the TPM.
        assertThat(changeAuth(TpmHandles.RH_OWNER, Auth.of(s, CONTINUE, TpmHandles.RH_OWNER, next), next).rc())
                .isZero();
    }

    @Test
    void theBindAuthValueIsPartOfTheSessionKey() {
        setPasswords();
        // The client derives the key from a wrong bind authValue: every HMAC fails.
        Session s = client.start(Start.hmac().bind(TpmHandles.RH_ENDORSEMENT, "guess".getBytes()));
        assertThat(pcrExtend(16, Auth.of(s, CONTINUE, 16, new byte[0])).rc()).isEqualTo(0x9A2);
    }

    @Test
    void aSessionBoundToLockoutMakesEveryFailureALockoutFailure() {
        Session s = client.start(Start.hmac().bind(TpmHandles.RH_LOCKOUT, new byte[0]));
        assertThat(pcrExtend(16, Auth.of(s, CONTINUE, 16, new byte[0]).hmac(new byte[32])).rc()).isEqualTo(0x98E);
        // Now lockoutAuth is disabled, and a session bound to it cannot be used at all.
        assertThat(pcrExtend(16, Auth.of(s, CONTINUE, 16, new byte[0])).rc()).isEqualTo(0x921);
        assertThat(h.rc(Commands.hierarchyChangeAuth(TpmHandles.RH_LOCKOUT, new byte[0], new byte[0])))
                .isEqualTo(0x921);
    }

    @Test
    void sessionChecksReportTheSessionNumber() {
        Session hmac = client.start(Start.hmac());
        Session trial = client.start(Start.trial());
        Session policy = client.start(Start.policy());
        Auth pw = Auth.password(new byte[0]);
        // Not loaded: TPM_RC_REFERENCE_S0 + index.
        h.ok(h.call(Commands.flushContext(hmac.handle)));
        assertThat(pcrExtend(16, Auth.of(hmac, CONTINUE, 16, new byte[0])).rc()).isEqualTo(0x918);
        Session h2 = client.start(Start.hmac());
        // A trial session cannot authorize: TPM_RC_ATTRIBUTES at session 1.
        assertThat(pcrExtend(16, Auth.of(trial, CONTINUE, 16, new byte[0])).rc()).isEqualTo(0x982);
        // The same session twice: TPM_RC_HANDLE at session 2.
        assertThat(client.call(new Call(TpmCc.PCR_EXTEND).handle(16).auth(Auth.of(h2, CONTINUE, 16, new byte[0]))
                .auth(Auth.extra(h2, CONTINUE | SessionClient.AUDIT)).params(new byte[4])).rc()).isEqualTo(0xA8B);
        // A session that authorizes nothing must encrypt, decrypt or audit: TPM_RC_ATTRIBUTES at 2.
        assertThat(client.call(new Call(TpmCc.PCR_EXTEND).handle(16).auth(pw).auth(Auth.extra(h2, CONTINUE))
                .params(new byte[4])).rc()).isEqualTo(0xA82);
        // A password session with a nonce: TPM_RC_NONCE; on a command without auth handle: TPM_RC_HANDLE.
        byte[] pwNonce = Commands.build(0x8002, TpmCc.GET_RANDOM, w -> {
            w.u32(9).u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0).u16(8);
        });
        assertThat(h.rc(pwNonce)).isEqualTo(0x98B);
        byte[] withNonce = Commands.build(0x8002, TpmCc.PCR_RESET, w -> {
            w.u32(16).u32(9 + 16).u32(TpmHandles.RS_PW).tpm2b(new byte[16]).u8(0).u16(0);
        });
        assertThat(h.rc(withNonce)).isEqualTo(0x98F);
        // A policy session sent under an HMAC session handle: TPM_RC_HANDLE at session 1.
        byte[] wrongType = Commands.build(0x8002, TpmCc.GET_RANDOM, w -> {
            w.u32(9 + 16).u32(policy.handle & 0x00FFFFFF | 0x02000000).tpm2b(new byte[16]).u8(0x41).u16(0).u16(8);
        });
        assertThat(h.rc(wrongType)).isEqualTo(0x98B);
    }

    @Test
    void aTrialSessionNeverAuthorizesButPolicySessionsAreNotUsableWithoutAPolicy() {
        Session policy = client.start(Start.policy());
        // The PCR has no authPolicy: TPM_RC_AUTH_UNAVAILABLE (no session number).
        assertThat(pcrExtend(16, Auth.of(policy, CONTINUE, 16, new byte[0])).rc()).isEqualTo(0x12F);
    }

    @Test
    void aWrongResponseHmacWouldBeNoticed() {
        // The client checks response HMACs: a key the TPM does not know makes it fail loudly.
        setPasswords();
        Session s = client.start(Start.hmac());
        Auth a = Auth.of(s, CONTINUE, TpmHandles.RH_OWNER, OWNER_PW);
        byte[] next = "next".getBytes(StandardCharsets.US_ASCII);
        // Pretend the authValue did not change: the response HMAC then does not verify.
        assertThatThrownBy(() -> client.call(new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(a).params(SessionClient.tpm2b(next)))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("response HMAC");
    }
}
