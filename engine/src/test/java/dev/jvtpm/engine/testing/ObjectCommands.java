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
}
