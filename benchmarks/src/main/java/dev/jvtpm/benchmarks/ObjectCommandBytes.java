package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The object commands of {@link EngineBench} as a TSS sends them (empty-password sessions,
 * tpm2-tools' default templates), and the few response fields the suites chain on.
 */
final class ObjectCommandBytes {
    private ObjectCommandBytes() {}

    // TPMT_PUBLIC templates, SHA-256 names. Storage keys: fixedTPM|fixedParent|sensitiveDataOrigin|
    // userWithAuth|restricted|decrypt with AES-128-CFB; signing keys: the same without restricted
    // and decrypt, with sign.
    static final String RSA2048_STORAGE = "0001 000b 00030072 0000 0006 0080 0043 0010 0800 00000000 0000";
    static final String ECC_P256_STORAGE = "0023 000b 00030072 0000 0006 0080 0043 0010 0003 0010 0000 0000";
    static final String RSA2048_RSASSA = "0001 000b 00040072 0000 0010 0014 000b 0800 00000000 0000";
    static final String ECC_P256_ECDSA = "0023 000b 00040072 0000 0010 0018 000b 0003 0010 0000 0000";
    static final String HMAC_SHA256 = "0008 000b 00040072 0000 0005 000b 0000";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static byte[] command(int tag, int cc, Consumer<TpmWriter> body) {
        TpmWriter w = new TpmWriter();
        w.u16(tag).u32(0).u32(cc);
        body.accept(w);
        w.patchU32(2, w.size());
        return w.toByteArray();
    }

    /** A command with one authorized handle (empty password) and its parameters. */
    private static byte[] authorized(int cc, int handle, Consumer<TpmWriter> params) {
        return command(TpmSt.SESSIONS, cc, w -> {
            w.u32(handle);
            int mark = w.beginSized32();
            w.u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.endSized32(mark);
            params.accept(w);
        });
    }

    /** The parameters CreatePrimary and Create share: empty sensitive, template, no outsideInfo or PCRs. */
    private static void creation(TpmWriter w, String template) {
        w.u16(4).u16(0).u16(0);
        w.tpm2b(hex(template));
        w.u16(0).u32(0);
    }

    static byte[] createPrimary(int hierarchy, String template) {
        return authorized(TpmCc.CREATE_PRIMARY, hierarchy, w -> creation(w, template));
    }

    static byte[] create(int parent, String template) {
        return authorized(TpmCc.CREATE, parent, w -> creation(w, template));
    }

    /** Load of what {@code createResponse} (a Create response) returned: outPrivate and outPublic. */
    static byte[] load(int parent, byte[] createResponse) {
        int priv = 14;
        int pub = priv + 2 + u16(createResponse, priv);
        int end = pub + 2 + u16(createResponse, pub);
        return authorized(TpmCc.LOAD, parent, w -> w.bytes(Arrays.copyOfRange(createResponse, priv, end)));
    }

    /** Sign of a SHA-256-sized digest with the key's scheme and a NULL ticket (unrestricted keys). */
    static byte[] sign(int key) {
        return authorized(TpmCc.SIGN, key, w -> {
            w.tpm2b(new byte[32]);
            w.u16(0x0010);
            w.u16(TpmSt.HASHCHECK).u32(TpmHandles.RH_NULL).u16(0);
        });
    }

    /** TPM2_HMAC with SHA-256 over {@code size} bytes. */
    static byte[] hmac(int key, int size) {
        return authorized(TpmCc.HMAC, key, w -> w.tpm2b(new byte[size]).u16(0x000b));
    }

    static byte[] contextSave(int handle) {
        return command(TpmSt.NO_SESSIONS, TpmCc.CONTEXT_SAVE, w -> w.u32(handle));
    }

    /** ContextLoad of the TPMS_CONTEXT a ContextSave response carries. */
    static byte[] contextLoad(byte[] contextSaveResponse) {
        return command(TpmSt.NO_SESSIONS, TpmCc.CONTEXT_LOAD,
                w -> w.bytes(Arrays.copyOfRange(contextSaveResponse, 10, contextSaveResponse.length)));
    }

    static byte[] flushContext(int handle) {
        return command(TpmSt.NO_SESSIONS, TpmCc.FLUSH_CONTEXT, w -> w.u32(handle));
    }

    /** The response's return code is TPM_RC_SUCCESS, else IllegalStateException. */
    static byte[] ok(byte[] rsp) {
        int rc = u32(rsp, 6);
        if (rc != 0) {
            throw new IllegalStateException(String.format("command failed: 0x%03X", rc));
        }
        return rsp;
    }

    /**
     * Executes a command as a TSS does: again after TPM_RC_RETRY, which the first authorization of
     * a DA-protected object after TPM2_Startup answers (libtpms' SU_DA_USED write).
     */
    static byte[] execute(Tpm tpm, byte[] command) {
        byte[] rsp = tpm.execute(command);
        return u32(rsp, 6) == TPM_RC_RETRY ? tpm.execute(command) : rsp;
    }

    private static final int TPM_RC_RETRY = 0x922;

    /** Executes (see {@link #execute}) and checks a command. */
    static byte[] run(Tpm tpm, byte[] command) {
        return ok(execute(tpm, command));
    }

    /** The handle a CreatePrimary, Load or ContextLoad response returns. */
    static int handle(byte[] rsp) {
        return u32(ok(rsp), 10);
    }

    /** CreatePrimary then FlushContext of the new object: what a client that does not keep its primary does. */
    static void createPrimaryAndFlush(Tpm tpm, byte[] createPrimary) {
        run(tpm, flushContext(handle(tpm.execute(createPrimary))));
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
