package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvPublic;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_DefineSpace (Part 3 §31.3): defines an index with owner or platform authorization.
 * Checked in libtpms' order: TPM_RC_SIZE (parameter 2) for an authPolicy that is neither empty
 * nor a nameAlg digest; TPM_RC_SIZE (parameter 1) for an auth longer than that digest once its
 * trailing zeros are gone; TPM_RC_HIERARCHY (handle 1) for platform authorization while
 * phEnableNV is clear; TPM_RC_ATTRIBUTES (parameter 2) for an unknown TPM_NT; TPM_RC_SIZE
 * (parameter 2) for an extend index not sized to its nameAlg or a counter, bit field or PIN
 * index not of 8 bytes; TPM_RC_ATTRIBUTES (parameter 2) for a counter with CLEAR_STCLEAR, a PIN
 * Fail index without NO_DA, a PIN index with AUTHWRITE, GLOBALLOCK or WRITEDEFINE, WRITTEN,
 * WRITELOCKED or READLOCKED set, no way to read or no way to write, or CLEAR_STCLEAR with
 * WRITEDEFINE; TPM_RC_ATTRIBUTES (handle 1) when PLATFORMCREATE does not match the authorizing
 * hierarchy; TPM_RC_ATTRIBUTES (parameter 2) for POLICY_DELETE without platform authorization;
 * TPM_RC_SIZE (parameter 2) for WRITEALL on an index larger than NV_BUFFER_MAX; TPM_RC_NV_DEFINED
 * when the handle is taken; TPM_RC_NV_SPACE when it does not fit. Unmarshalling: TPM_RC_VALUE,
 * TPM_RC_HASH, TPM_RC_RESERVED_BITS or TPM_RC_SIZE (parameter 2) for a malformed public area.
 */
public final class NvDefineSpace extends Command<NvDefineSpace.In, Void> {
    public record In(int authHandle, byte[] auth, NvPublic publicInfo) {}

    /** MAX_NV_BUFFER_SIZE (TPM_PT_NV_BUFFER_MAX). */
    public static final int NV_BUFFER_MAX = 1024;

    public NvDefineSpace() {
        super(CommandDescriptor.builder(TpmCc.NV_DEFINE_SPACE)
                .handle("authHandle", HandleTypes.PROVISION, AuthRole.USER)
                .nv()
                .decrypt()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] auth = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return new In(handles[0], auth, NvPublic.readSized(r.param(2)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        NvPublic pub = in.publicInfo();
        int attrs = pub.attributes();
        int nameSize = pub.nameAlg().digestSize();
        if (pub.authPolicy().length != 0 && pub.authPolicy().length != nameSize) {
            throw TpmException.parameter(2, TpmRc.SIZE);
        }
        byte[] auth = SessionProcessor.stripTrailingZeros(in.auth());
        if (auth.length > nameSize) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        boolean platform = in.authHandle() == TpmHandles.RH_PLATFORM;
        if (platform && !core.gc.phEnableNV) {
            throw TpmException.handle(1, TpmRc.HIERARCHY);
        }
        checkType(attrs, pub.dataSize(), nameSize);
        if (has(attrs, WRITTEN) || has(attrs, WRITELOCKED) || has(attrs, READLOCKED)) {
            throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
        }
        if ((attrs & (OWNERREAD | PPREAD | AUTHREAD | POLICYREAD)) == 0
                || (attrs & (OWNERWRITE | PPWRITE | AUTHWRITE | POLICYWRITE)) == 0
                || (has(attrs, CLEAR_STCLEAR) && has(attrs, WRITEDEFINE))) {
            throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
        }
        // The hierarchy that creates an index must be able to delete it.
        if (has(attrs, PLATFORMCREATE) != platform) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        if (has(attrs, POLICY_DELETE) && !platform) {
            throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
        }
        if (pub.dataSize() > NV_BUFFER_MAX && has(attrs, WRITEALL)) {
            throw TpmException.parameter(2, TpmRc.SIZE);
        }
        if (core.nv.isDefined(pub.nvIndex())) {
            throw new TpmException(TpmRc.NV_DEFINED);
        }
        core.nv.define(pub, auth);
        return null;
    }

    /** The TPM_NT must be implemented, sized right, and carry only the attributes its type allows. */
    private static void checkType(int attrs, int dataSize, int nameSize) throws TpmException {
        switch (type(attrs)) {
            case NT_ORDINARY:
                // dataSize ≤ MAX_NV_INDEX_SIZE was checked when the public area was read.
                break;
            case NT_EXTEND:
                if (dataSize != nameSize) {
                    throw TpmException.parameter(2, TpmRc.SIZE);
                }
                break;
            case NT_COUNTER:
            case NT_BITS:
            case NT_PIN_FAIL:
            case NT_PIN_PASS:
                if (dataSize != 8) {
                    throw TpmException.parameter(2, TpmRc.SIZE);
                }
                break;
            default:
                throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
        }
        switch (type(attrs)) {
            case NT_COUNTER:
                // A counter never goes back, so it cannot be cleared at Startup.
                if (has(attrs, CLEAR_STCLEAR)) {
                    throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
                }
                break;
            case NT_PIN_FAIL:
                if (!has(attrs, NO_DA)) {
                    throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
                }
                pinWriteRules(attrs);
                break;
            case NT_PIN_PASS:
                pinWriteRules(attrs);
                break;
            default:
                break;
        }
    }

    /**
     * A PIN index's authValue is only usable once written, so it may not be written with it;
     * nor can it be globally locked or locked for good.
     */
    private static void pinWriteRules(int attrs) throws TpmException {
        if (has(attrs, AUTHWRITE) || has(attrs, GLOBALLOCK) || has(attrs, WRITEDEFINE)) {
            throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
        }
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
