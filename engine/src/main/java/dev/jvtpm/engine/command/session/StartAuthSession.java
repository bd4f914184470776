package dev.jvtpm.engine.command.session;

import dev.jvtpm.engine.auth.Entity;
import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.auth.SessionSymmetric;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.protect.SecretLabel;
import dev.jvtpm.engine.object.protect.SecretSharing;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.AlgSelectors;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_StartAuthSession (Part 3 §11.1): starts an HMAC, policy or trial session, optionally
 * salted (tpmKey) and, for HMAC sessions, bound (bind). sessionKey = KDFa(authHash, bind's
 * authValue ‖ salt, "ATH", nonceTPM, nonceCaller, digest bits) when there is a bind entity or a
 * salt, else empty; nonceTPM has the size of nonceCaller, as in the reference.
 *
 * <p>TPM_RC_SIZE (parameter 1) for a nonceCaller shorter than 16 bytes or longer than the authHash
 * digest; TPM_RC_KEY (handle 1) when tpmKey is no asymmetric key; TPM_RC_VALUE (parameter 2) for a
 * salt without tpmKey, an empty salt with one, or a salt that does not decrypt; TPM_RC_HANDLE
 * (handle 2) for a bind entity whose authValue cannot be used; TPM_RC_MODE (parameter 4) for a
 * block cipher not in CFB mode; TPM_RC_VALUE (parameter 3) for an unknown session type;
 * TPM_RC_SESSION_MEMORY, TPM_RC_SESSION_HANDLES, TPM_RC_CONTEXT_GAP when no session can be added.
 */
public final class StartAuthSession extends Command<StartAuthSession.In, StartAuthSession.Out> {
    public record In(int tpmKey, int bind, byte[] nonceCaller, byte[] encryptedSalt, int sessionType,
                     SessionSymmetric symmetric, HashAlg authHash) {}

    public record Out(int sessionHandle, byte[] nonceTPM) {}

    /** "ATH": the label of the session key derivation. */
    private static final String SESSION_KEY = "ATH";
    /** Largest TPM2B_ENCRYPTED_SECRET (sizeof(TPMU_ENCRYPTED_SECRET): an RSA-4096 block or an ECC point). */
    private static final int MAX_ENCRYPTED_SECRET = 512;

    public StartAuthSession() {
        super(CommandDescriptor.builder(TpmCc.START_AUTH_SESSION)
                .handle("tpmKey", HandleTypes.OBJECT_OR_NULL)
                .handle("bind", HandleTypes.ENTITY_OR_NULL)
                .decrypt()
                .encrypt()
                .responseHandle()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] nonceCaller = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        byte[] salt = r.param(2).tpm2b(MAX_ENCRYPTED_SECRET);
        int type = r.param(3).u8();
        if (type != Session.SE_HMAC && type != Session.SE_POLICY && type != Session.SE_TRIAL) {
            throw r.fail(TpmRc.VALUE);
        }
        SessionSymmetric symmetric = SessionSymmetric.read(r.param(4));
        HashAlg authHash = AlgSelectors.hashAlg(r.param(5));
        return new In(handles[0], handles[1], nonceCaller, salt, type, symmetric, authHash);
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        if (in.nonceCaller().length < 16 || in.nonceCaller().length > in.authHash().digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        byte[] salt;
        if (in.tpmKey() != TpmHandles.RH_NULL) {
            // ctx.entity, not the transient slots: a persistent key (FAPI salts with its SRK at 0x81000001)
            // was loaded for the command by the handle resolution
            salt = decryptSalt(core, ((ObjectEntity) ctx.entity(0)).object(), in.nonceCaller(), in.encryptedSalt());
        } else {
            if (in.encryptedSalt().length != 0) {
                throw TpmException.parameter(2, TpmRc.VALUE);
            }
            salt = new byte[0];
        }
        Entity bind = ctx.entity(1);
        if (!bind.bindable()) {
            throw TpmException.handle(2, TpmRc.HANDLE);
        }
        SessionSymmetric sym = in.symmetric();
        if (sym.algorithm() != TpmAlgId.NULL && sym.algorithm() != TpmAlgId.XOR && sym.mode() != TpmAlgId.CFB) {
            throw TpmException.parameter(4, TpmRc.MODE);
        }

        boolean bound = in.bind() != TpmHandles.RH_NULL;
        byte[] nonceTPM = core.random(in.nonceCaller().length);
        byte[] sessionKey = new byte[0];
        if (bound || salt.length != 0) {
            byte[] auth = SessionProcessor.stripTrailingZeros(bind.authValue());
            byte[] key = new byte[auth.length + salt.length];
            System.arraycopy(auth, 0, key, 0, auth.length);
            System.arraycopy(salt, 0, key, auth.length, salt.length);
            sessionKey = core.kdf.kdfa(in.authHash(), key, SESSION_KEY, nonceTPM, in.nonceCaller(),
                    in.authHash().digestSize() * 8);
        }
        boolean policy = in.sessionType() != Session.SE_HMAC;
        Session s = new Session(in.authHash(), sym.algorithm(), sym.keyBits(), sessionKey, policy,
                in.sessionType() == Session.SE_TRIAL, nonceTPM);
        if (policy) {
            s.setStartTime(core.clock.time(), core.ga.timeEpoch);
        } else if (bound) {
            s.bind(bind);
        }
        // Use of a session bound to a DA-protected entity is subject to DA however it is used.
        s.daBound = bound && bind.daProtected();
        s.lockoutBound = s.daBound && in.bind() == TpmHandles.RH_LOCKOUT;
        int handle = core.sessions().create(s);
        return new Out(handle, nonceTPM.clone());
    }

    /**
     * The salt from encryptedSalt (CryptSecretDecrypt with label "SECRET": RSA-OAEP with the key's
     * nameAlg, or ECDH and KDFe). tpmKey must be an asymmetric key (TPM_RC_KEY, handle 1) with its
     * sensitive area (TPM_RC_HANDLE, handle 1) and the decrypt attribute (TPM_RC_ATTRIBUTES,
     * handle 1); an empty salt, or any failure to decrypt it, is TPM_RC_VALUE (parameter 2).
     */
    private static byte[] decryptSalt(TpmCore core, LoadedObject object, byte[] nonceCaller, byte[] encryptedSalt)
            throws TpmException {
        if (!(object instanceof KeyObject key) || (key.type() != TpmAlgId.RSA && key.type() != TpmAlgId.ECC)) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        if (encryptedSalt.length == 0) {
            throw TpmException.parameter(2, TpmRc.VALUE);
        }
        if (key.publicOnly()) {
            throw TpmException.handle(1, TpmRc.HANDLE);
        }
        if (!key.has(ObjectAttributes.DECRYPT)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        try {
            return new SecretSharing(core.crypto).decrypt(key.keys(core.crypto), nonceCaller, SecretLabel.SECRET,
                    encryptedSalt);
        } catch (TpmException e) {
            throw TpmException.parameter(2, TpmRc.VALUE);
        }
    }

    @Override
    public int responseHandle(Out out) {
        return out.sessionHandle();
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.nonceTPM());
    }
}
