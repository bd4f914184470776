package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy sessions authorizing objects against swtpm 0.7.1 (CheckPolicyAuthSession with objects'
 * authPolicy): PolicyAuthValue and PolicyPassword for TPM2_Unseal, the ADMIN role needing a command
 * code (TPM2_ObjectChangeAuth with adminWithPolicy), PolicyTemplate checked against TPM2_Create's
 * inPublic, PolicyDuplicationSelect with TPM2_Duplicate (DUP role), and the HMAC sessions that
 * such objects refuse. Each TPM has its own keys; the client builds the same flows for both.
 */
class ObjectPoliciesDifferentialTest extends SessionDifferentialFixture {
    private static final byte[] SECRET = "policy protected".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBJ_PW = "objpw".getBytes(StandardCharsets.US_ASCII);
    private static final PolicyCalc P = new PolicyCalc(ALG_SHA256);

    @BeforeEach
    void createSrk() {
        // noDA keys: libtpms answers the first DA-protected authorization after Startup with
        // TPM_RC_RETRY (DA_USED), which is not what this test is about.
        d.sameCode("SRK", ObjectCommands.createPrimary(TpmHandles.RH_OWNER, Templates.ecc(
                Templates.STORAGE | ObjectAttributes.NO_DA, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL)));
    }

    /** An object created under {@code parent} and loaded on each TPM: its handle and Name per TPM. */
    private byte[][] createAndLoad(int parent, PublicArea template, byte[] userAuth, byte[] data) {
        byte[][] names = new byte[2][];
        for (int i = 0; i < 2; i++) {
            byte[] r = send(i, ObjectCommands.create(parent, new byte[0], template, userAuth, data));
            assertThat(String.format("0x%03X", rc(r))).as("Create").isEqualTo("0x000");
            ByteBuffer b = ByteBuffer.wrap(r);
            b.position(14);
            byte[] priv = SessionClient.get2b(b);
            byte[] pub = SessionClient.get2b(b);
            byte[] l = send(i, ObjectCommands.load(parent, new byte[0], priv, SessionClient.tpm2b(pub)));
            assertThat(rc(l)).as("Load").isZero();
            ByteBuffer lb = ByteBuffer.wrap(l);
            lb.position(18);
            names[i] = SessionClient.get2b(lb);
        }
        return names;
    }

    private int loadedHandle(int n) {
        return 0x80000000 + n;
    }

    private static PublicArea sealed(int attrs, byte[] policy) {
        return Templates.withPolicy(Templates.keyedHash(attrs, HashAlg.SHA256, Scheme.NULL), policy);
    }

    @Test
    void authValueAndPasswordPoliciesAndTheAdminRole() {
        int attrs = ObjectAttributes.FIXED_TPM | ObjectAttributes.FIXED_PARENT | ObjectAttributes.ADMIN_WITH_POLICY
                | ObjectAttributes.NO_DA;
        byte[][] names = createAndLoad(0x80000000, sealed(attrs, P.authValue(P.zero())), OBJ_PW, SECRET);
        int obj = loadedHandle(1);
        Session[] hmac = startBoth(Start.hmac());
        same("HMAC session on an object without userWithAuth", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(hmac[i], CONTINUE, names[i], OBJ_PW)));
        Session[] s = startBoth(Start.policy());
        same("policy session without PolicyAuthValue", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], OBJ_PW)));
        same("PolicyAuthValue", i -> PolicyCommands.authValue(s[i].handle));
        s[0].authValueNeeded = true;
        s[1].authValueNeeded = true;
        same("wrong authValue in the HMAC", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], "nope".getBytes())));
        Result[] r = same("Unseal with PolicyAuthValue", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], OBJ_PW)));
        assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(SECRET);
        same("PolicyPassword", i -> PolicyCommands.password(s[i].handle));
        s[0].passwordNeeded = true;
        s[1].passwordNeeded = true;
        r = same("Unseal with PolicyPassword", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], OBJ_PW)));
        assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(SECRET);
        // ADMIN role (ObjectChangeAuth) with adminWithPolicy: the policy must name the command.
        same("PolicyAuthValue again", i -> PolicyCommands.authValue(s[i].handle));
        s[0].authValueNeeded = true;
        s[1].authValueNeeded = true;
        same("ObjectChangeAuth without a command code in the policy", i -> new Call(TpmCc.OBJECT_CHANGE_AUTH)
                .handle(obj, names[i]).handle(0x80000000, new byte[0]).auth(Auth.of(s[i], CONTINUE, names[i], OBJ_PW))
                .params(SessionClient.tpm2b(new byte[0])));
        same("ObjectChangeAuth with an HMAC session", i -> new Call(TpmCc.OBJECT_CHANGE_AUTH)
                .handle(obj, names[i]).handle(0x80000000, new byte[0]).auth(Auth.of(hmac[i], CONTINUE, names[i],
                        OBJ_PW)).params(SessionClient.tpm2b(new byte[0])));
        Session[] trial = startBoth(Start.trial());
        same("a trial session", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(trial[i], CONTINUE, names[i], OBJ_PW)));
    }

    @Test
    void commandCodePolicyForTheAdminRole() {
        int attrs = ObjectAttributes.FIXED_TPM | ObjectAttributes.FIXED_PARENT | ObjectAttributes.ADMIN_WITH_POLICY
                | ObjectAttributes.USER_WITH_AUTH | ObjectAttributes.NO_DA;
        byte[] policy = P.commandCode(P.zero(), TpmCc.OBJECT_CHANGE_AUTH);
        byte[][] names = createAndLoad(0x80000000, sealed(attrs, policy), OBJ_PW, SECRET);
        int obj = loadedHandle(1);
        Session[] s = startBoth(Start.policy());
        same("PolicyCommandCode", i -> PolicyCommands.commandCode(s[i].handle, TpmCc.OBJECT_CHANGE_AUTH));
        same("Unseal under an ObjectChangeAuth policy", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], OBJ_PW)));
        same("PolicyCommandCode", i -> PolicyCommands.commandCode(s[i].handle, TpmCc.OBJECT_CHANGE_AUTH));
        same("ObjectChangeAuth", i -> new Call(TpmCc.OBJECT_CHANGE_AUTH).handle(obj, names[i])
                .handle(0x80000000, new byte[0]).auth(Auth.of(s[i], CONTINUE, names[i], OBJ_PW))
                .params(SessionClient.tpm2b("new".getBytes())));
        Session[] hmac = startBoth(Start.hmac());
        same("Unseal with userWithAuth by HMAC", i -> new Call(TpmCc.UNSEAL).handle(obj, names[i])
                .auth(Auth.of(hmac[i], CONTINUE, names[i], OBJ_PW)));
    }

    @Test
    void policyTemplateIsCheckedAgainstCreatesInPublic() {
        PublicArea child = Templates.keyedHash(ObjectAttributes.FIXED_TPM | ObjectAttributes.FIXED_PARENT
                | ObjectAttributes.USER_WITH_AUTH | ObjectAttributes.NO_DA, HashAlg.SHA256, Scheme.NULL);
        byte[] childSized = ObjectCommands.publicSized(child);
        byte[] templateHash = SessionClient.hash(ALG_SHA256, Arrays.copyOfRange(childSized, 2, childSized.length));
        PublicArea parent = Templates.withAttributes(Templates.withPolicy(Templates.ecc(Templates.STORAGE,
                EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL), P.template(P.zero(), templateHash)),
                (Templates.STORAGE | ObjectAttributes.NO_DA) & ~ObjectAttributes.USER_WITH_AUTH);
        byte[][] names = createAndLoad(0x80000000, parent, new byte[0], new byte[0]);
        int p = loadedHandle(1);
        Session[] s = startBoth(Start.policy());
        same("PolicyTemplate", i -> PolicyCommands.template(s[i].handle, templateHash));
        byte[] params = SessionClient.concat(ObjectCommands.sensitiveCreate(new byte[0], SECRET), childSized,
                new byte[] {0, 0}, ObjectCommands.noPcrs());
        same("Create with the approved template", i -> new Call(TpmCc.CREATE).handle(p, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], new byte[0])).params(params));
        same("PolicyTemplate", i -> PolicyCommands.template(s[i].handle, templateHash));
        byte[] other = SessionClient.concat(ObjectCommands.sensitiveCreate(new byte[0], SECRET),
                ObjectCommands.publicSized(Templates.withNameAlg(child, SessionClient.ALG_SHA384)),
                new byte[] {0, 0}, ObjectCommands.noPcrs());
        same("Create with another template", i -> new Call(TpmCc.CREATE).handle(p, names[i])
                .auth(Auth.of(s[i], CONTINUE, names[i], new byte[0])).params(other));
    }

    @Test
    void policyDuplicationSelectWithDuplicate() {
        byte[] nullName = SessionClient.handleName(TpmHandles.RH_NULL);
        byte[] policy = P.duplicationSelect(P.zero(), new byte[0], nullName, false);
        PublicArea dup = sealed(ObjectAttributes.USER_WITH_AUTH | ObjectAttributes.NO_DA, policy);
        byte[][] names = createAndLoad(0x80000000, dup, new byte[0], SECRET);
        int obj = loadedHandle(1);
        byte[] dupParams = {0, 0, 0, 0x10};
        Session[] hmac = startBoth(Start.hmac());
        same("Duplicate with an HMAC session", i -> new Call(TpmCc.DUPLICATE).handle(obj, names[i])
                .handle(TpmHandles.RH_NULL).auth(Auth.of(hmac[i], CONTINUE, names[i], new byte[0]))
                .params(dupParams));
        Session[] s = startBoth(Start.policy());
        same("PolicyDuplicationSelect to the owner", i -> PolicyCommands.duplicationSelect(s[i].handle, names[i],
                SessionClient.handleName(TpmHandles.RH_OWNER), 0));
        same("Duplicate against another parent's policy", i -> new Call(TpmCc.DUPLICATE).handle(obj, names[i])
                .handle(TpmHandles.RH_NULL).auth(Auth.of(s[i], CONTINUE, names[i], new byte[0])).params(dupParams));
        same("PolicyRestart", i -> PolicyCommands.restart(s[i].handle));
        same("PolicyDuplicationSelect to TPM_RH_NULL", i -> PolicyCommands.duplicationSelect(s[i].handle, names[i],
                nullName, 0));
        Result[] r = same("Duplicate", i -> new Call(TpmCc.DUPLICATE).handle(obj, names[i])
                .handle(TpmHandles.RH_NULL).auth(Auth.of(s[i], CONTINUE, names[i], new byte[0])).params(dupParams));
        assertThat(r[1].rawParameters().length).isGreaterThan(4);
    }
}
