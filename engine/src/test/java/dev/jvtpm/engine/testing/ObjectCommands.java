package dev.jvtpm.engine.testing;

import static dev.jvtpm.engine.testing.Commands.EMPTY;
import static dev.jvtpm.engine.testing.Commands.noSessions;
import static dev.jvtpm.engine.testing.Commands.withPassword;
import static dev.jvtpm.engine.testing.Commands.withPasswords;

import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Command bytes for the object, asymmetric, symmetric, context and duplication commands, as a TSS
 * marshals them (password sessions). Shared by the engine tests and the differential tests.
 */
public final class ObjectCommands {
    private ObjectCommands() {}

    /** TPMS_SENSITIVE_CREATE as TPM2B. */
    public static byte[] sensitiveCreate(byte[] userAuth, byte[] data) {
        TpmWriter w = new TpmWriter();
        int mark = w.beginSized();
        w.tpm2b(userAuth).tpm2b(data);
        w.endSized(mark);
        return w.toByteArray();
    }

    public static byte[] publicSized(PublicArea p) {
        TpmWriter w = new TpmWriter();
        p.writeSized(w);
        return w.toByteArray();
    }

    /** CreatePrimary with raw parameter bytes after the handle. */
    public static byte[] createPrimaryRaw(int hierarchy, byte[] pw, byte[] params) {
        return withPassword(TpmCc.CREATE_PRIMARY, hierarchy, pw, w -> w.bytes(params));
    }

    public static byte[] createPrimary(int hierarchy, byte[] pw, PublicArea template, byte[] userAuth, byte[] data,
                                       byte[] outsideInfo, byte[] pcrSelection) {
        return withPassword(TpmCc.CREATE_PRIMARY, hierarchy, pw, w -> w.bytes(sensitiveCreate(userAuth, data))
                .bytes(publicSized(template)).tpm2b(outsideInfo).bytes(pcrSelection));
    }

    public static byte[] createPrimary(int hierarchy, PublicArea template) {
        return createPrimary(hierarchy, EMPTY, template, EMPTY, EMPTY, EMPTY, noPcrs());
    }

    /** An empty TPML_PCR_SELECTION. */
    public static byte[] noPcrs() {
        return new byte[] {0, 0, 0, 0};
    }

    public static byte[] create(int parent, byte[] pw, PublicArea template, byte[] userAuth, byte[] data) {
        return withPassword(TpmCc.CREATE, parent, pw, w -> w.bytes(sensitiveCreate(userAuth, data))
                .bytes(publicSized(template)).tpm2b(EMPTY).bytes(noPcrs()));
    }

    public static byte[] createRaw(int parent, byte[] pw, byte[] params) {
        return withPassword(TpmCc.CREATE, parent, pw, w -> w.bytes(params));
    }

    public static byte[] load(int parent, byte[] pw, byte[] outPrivate, byte[] outPublicSized) {
        return withPassword(TpmCc.LOAD, parent, pw, w -> w.tpm2b(outPrivate).bytes(outPublicSized));
    }

    public static byte[] loadExternal(byte[] sensitiveSized, byte[] publicSized, int hierarchy) {
        return noSessions(TpmCc.LOAD_EXTERNAL, w -> w.bytes(sensitiveSized).bytes(publicSized).u32(hierarchy));
    }

    public static byte[] readPublic(int handle) {
        return noSessions(TpmCc.READ_PUBLIC, w -> w.u32(handle));
    }

    public static byte[] unseal(int handle, byte[] pw) {
        return withPassword(TpmCc.UNSEAL, handle, pw, w -> { });
    }

    public static byte[] objectChangeAuth(int object, byte[] pw, int parent, byte[] newAuth) {
        return withPasswords(TpmCc.OBJECT_CHANGE_AUTH, new int[] {object, parent}, new byte[][] {pw},
                w -> w.tpm2b(newAuth));
    }

    public static byte[] evictControl(int auth, byte[] pw, int object, int persistent) {
        return withPasswords(TpmCc.EVICT_CONTROL, new int[] {auth, object}, new byte[][] {pw}, w -> w.u32(persistent));
    }

    public static byte[] contextSave(int handle) {
        return noSessions(TpmCc.CONTEXT_SAVE, w -> w.u32(handle));
    }

    public static byte[] contextLoad(byte[] context) {
        return noSessions(TpmCc.CONTEXT_LOAD, w -> w.bytes(context));
    }

    public static byte[] sensitiveSized(dev.jvtpm.engine.types.object.SensitiveArea s) {
        TpmWriter w = new TpmWriter();
        if (s == null) {
            w.u16(0);
        } else {
            s.writeSized(w);
        }
        return w.toByteArray();
    }

    /** A TPMT_SIG_SCHEME / TPMT_RSA_DECRYPT: selector and (unless NULL or RSAES) hash. */
    public static byte[] scheme(int selector, int hash) {
        TpmWriter w = new TpmWriter().u16(selector);
        if (selector != dev.jvtpm.engine.types.TpmAlgId.NULL && selector != dev.jvtpm.engine.types.TpmAlgId.RSAES) {
            w.u16(hash);
        }
        return w.toByteArray();
    }

    /** A NULL TPMT_TK_HASHCHECK. */
    public static byte[] nullHashcheck() {
        return new TpmWriter().u16(0x8024).u32(0x40000007).u16(0).toByteArray();
    }

    public static byte[] sign(int key, byte[] pw, byte[] digest, byte[] scheme, byte[] validation) {
        return withPassword(TpmCc.SIGN, key, pw, w -> w.tpm2b(digest).bytes(scheme).bytes(validation));
    }

    public static byte[] verifySignature(int key, byte[] digest, byte[] signature) {
        return noSessions(TpmCc.VERIFY_SIGNATURE, w -> w.u32(key).tpm2b(digest).bytes(signature));
    }

    public static byte[] rsaEncrypt(int key, byte[] message, byte[] scheme, byte[] label) {
        return noSessions(TpmCc.RSA_ENCRYPT, w -> w.u32(key).tpm2b(message).bytes(scheme).tpm2b(label));
    }

    public static byte[] rsaDecrypt(int key, byte[] pw, byte[] cipherText, byte[] scheme, byte[] label) {
        return withPassword(TpmCc.RSA_DECRYPT, key, pw, w -> w.tpm2b(cipherText).bytes(scheme).tpm2b(label));
    }

    public static byte[] ecdhKeyGen(int key) {
        return noSessions(TpmCc.ECDH_KEYGEN, w -> w.u32(key));
    }

    /** ECDH_ZGen with a TPM2B_ECC_POINT of the given coordinates. */
    public static byte[] ecdhZGen(int key, byte[] pw, byte[] x, byte[] y) {
        return withPassword(TpmCc.ECDH_ZGEN, key, pw, w -> {
            int mark = w.beginSized();
            w.tpm2b(x).tpm2b(y);
            w.endSized(mark);
        });
    }

    public static byte[] eccParameters(int curve) {
        return noSessions(TpmCc.ECC_PARAMETERS, w -> w.u16(curve));
    }

    public static byte[] encryptDecrypt(int key, byte[] pw, boolean decrypt, int mode, byte[] iv, byte[] data) {
        return withPassword(TpmCc.ENCRYPT_DECRYPT, key, pw, w -> w.u8(decrypt ? 1 : 0).u16(mode).tpm2b(iv).tpm2b(data));
    }

    public static byte[] encryptDecrypt2(int key, byte[] pw, boolean decrypt, int mode, byte[] iv, byte[] data) {
        return withPassword(TpmCc.ENCRYPT_DECRYPT2, key, pw, w -> w.tpm2b(data).u8(decrypt ? 1 : 0).u16(mode).tpm2b(iv));
    }

    public static byte[] hmac(int key, byte[] pw, byte[] buffer, int hashAlg) {
        return withPassword(TpmCc.HMAC, key, pw, w -> w.tpm2b(buffer).u16(hashAlg));
    }

    public static byte[] hmacStart(int key, byte[] pw, byte[] auth, int hashAlg) {
        return withPassword(TpmCc.HMAC_START, key, pw, w -> w.tpm2b(auth).u16(hashAlg));
    }

    public static byte[] makeCredential(int key, byte[] credential, byte[] objectName) {
        return noSessions(TpmCc.MAKE_CREDENTIAL, w -> w.u32(key).tpm2b(credential).tpm2b(objectName));
    }

    public static byte[] activateCredential(int activate, int key, byte[] blob, byte[] secret) {
        return withPasswords(TpmCc.ACTIVATE_CREDENTIAL, new int[] {activate, key}, new byte[][] {EMPTY, EMPTY},
                w -> w.tpm2b(blob).tpm2b(secret));
    }

    /** Duplicate with a password for objectHandle (its DUP role needs a policy session: TPM_RC_AUTH_TYPE). */
    public static byte[] duplicate(int object, int newParent, byte[] encryptionKey, byte[] symDef) {
        return withPasswords(TpmCc.DUPLICATE, new int[] {object, newParent}, new byte[][] {EMPTY},
                w -> w.tpm2b(encryptionKey).bytes(symDef));
    }

    public static byte[] importObject(int parent, byte[] pw, byte[] encryptionKey, byte[] objectPublicSized, byte[] duplicate,
                                      byte[] inSymSeed, byte[] symDef) {
        return withPassword(TpmCc.IMPORT, parent, pw, w -> w.tpm2b(encryptionKey).bytes(objectPublicSized).tpm2b(duplicate)
                .tpm2b(inSymSeed).bytes(symDef));
    }

    public static byte[] rewrap(int oldParent, int newParent, byte[] inDuplicate, byte[] name, byte[] inSymSeed) {
        return withPasswords(TpmCc.REWRAP, new int[] {oldParent, newParent}, new byte[][] {EMPTY},
                w -> w.tpm2b(inDuplicate).tpm2b(name).tpm2b(inSymSeed));
    }

    public static byte[] createLoaded(int parent, byte[] pw, byte[] userAuth, byte[] data, byte[] template) {
        return withPassword(TpmCc.CREATE_LOADED, parent, pw, w -> w.bytes(sensitiveCreate(userAuth, data)).tpm2b(template));
    }
}
