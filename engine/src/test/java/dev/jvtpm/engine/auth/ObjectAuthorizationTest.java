package dev.jvtpm.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.PersistentData;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmRc;
import org.junit.jupiter.api.Test;

/**
 * The object rules of libtpms SessionProcess.c for password sessions: IsPolicySessionRequired
 * (ADMIN needs a policy only with adminWithPolicy), IsAuthValueAvailable (USER needs userWithAuth,
 * a public-only object has no authValue) and the USE_DA_USED retry of the first DA-protected
 * authorization.
 */
class ObjectAuthorizationTest {
    static final byte[] NONE = new byte[0];
    static final PublicArea STORAGE = Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL);

    private static int sealed(ObjectDriver o, int parent, int attributes) {
        PublicArea t = Templates.keyedHash(attributes, HashAlg.SHA256, Scheme.NULL);
        return o.load(parent, NONE, o.create(parent, NONE, t, "pw".getBytes(), "data".getBytes()));
    }

    @Test
    void userRoleNeedsUserWithAuthAdminRoleNeedsAdminWithPolicyClear() {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        int parent = o.createPrimary(TpmHandles.RH_OWNER, STORAGE).handle();
        int noUserWithAuth = sealed(o, parent, 0x00000012);
        assertThat(tpm.rc(ObjectCommands.unseal(noUserWithAuth, "pw".getBytes()))).isEqualTo(TpmRc.AUTH_UNAVAILABLE);
        // ADMIN (ObjectChangeAuth) with adminWithPolicy clear: the authValue works even without userWithAuth.
        assertThat(tpm.rc(ObjectCommands.objectChangeAuth(noUserWithAuth, "pw".getBytes(), parent, NONE))).isZero();
        o.flush(noUserWithAuth);
        int adminWithPolicy = sealed(o, parent, 0x00000052 | ObjectAttributes.ADMIN_WITH_POLICY);
        assertThat(tpm.rc(ObjectCommands.unseal(adminWithPolicy, "pw".getBytes()))).isZero();
        assertThat(tpm.rc(ObjectCommands.objectChangeAuth(adminWithPolicy, "pw".getBytes(), parent, NONE)))
                .isEqualTo(TpmRc.AUTH_TYPE);
        // DUP always needs a policy session.
        assertThat(tpm.rc(ObjectCommands.duplicate(adminWithPolicy, TpmHandles.RH_NULL, NONE, new byte[] {0, 0x10})))
                .isEqualTo(TpmRc.AUTH_TYPE);
    }

    @Test
    void aPublicOnlyObjectHasNoAuthValue() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        ObjectDriver.Primary signer = o.createPrimary(TpmHandles.RH_OWNER,
                Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, dev.jvtpm.engine.types.object.SymDefObject.NULL, Scheme.NULL));
        int pub = tpm.ok(tpm.call(ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(null),
                ObjectCommands.publicSized(Templates.withAttributes(signer.publicArea(), 0x00040040)), TpmHandles.RH_OWNER)))
                .body().u32();
        // (a DA-protected key: the first attempt is TPM_RC_RETRY)
        assertThat(tpm.callRetrying(ObjectCommands.sign(pub, NONE, new byte[32], ObjectCommands.scheme(0x0018, 0x000b),
                ObjectCommands.nullHashcheck())).rc()).isEqualTo(TpmRc.AUTH_UNAVAILABLE);
    }

    @Test
    void theFirstDaProtectedAuthorizationAfterStartupIsRetriedAndMakesTheStateNonOrderly() {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        int parent = o.createPrimary(TpmHandles.RH_OWNER, STORAGE).handle();
        var core = TpmInternals.core(tpm.tpm());
        byte[] create = ObjectCommands.create(parent, NONE, STORAGE, NONE, NONE);
        // Hierarchies are not DA-protected: CreatePrimary went through. The parent is.
        assertThat(tpm.rc(create)).isEqualTo(TpmRc.RETRY);
        assertThat(core.gp.orderlyState).isEqualTo(PersistentData.SU_DA_USED);
        assertThat(tpm.rc(create)).isZero();
        // A noDA object never triggers it; after an orderly Shutdown + Startup it happens again once.
        tpm.ok(tpm.call(Commands.shutdown(TpmSu.CLEAR)));
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(TpmSu.CLEAR)));
        int noDa = o.createPrimary(TpmHandles.RH_OWNER,
                Templates.withAttributes(STORAGE, STORAGE.attributes() | ObjectAttributes.NO_DA)).handle();
        assertThat(tpm.rc(ObjectCommands.create(noDa, NONE, STORAGE, NONE, NONE))).isZero();
        int daProtected = o.createPrimary(TpmHandles.RH_ENDORSEMENT, STORAGE).handle();
        assertThat(tpm.rc(ObjectCommands.create(daProtected, NONE, STORAGE, NONE, NONE))).isEqualTo(TpmRc.RETRY);
        // A wrong password now counts as a failure; a power loss does not lose it.
        assertThat(tpm.rc(ObjectCommands.create(daProtected, "x".getBytes(), STORAGE, NONE, NONE))).isEqualTo(0x98E);
        assertThat(core.gp.failedTries).isEqualTo(1);
    }
}
