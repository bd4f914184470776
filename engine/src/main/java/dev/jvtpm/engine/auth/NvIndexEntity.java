package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.TpmHandles;
import java.util.Optional;

/**
 * An NV index as authorization sees it (SessionProcess.c): Name = nameAlg ‖ H(TPMS_NV_PUBLIC)
 * with the current attributes; DA-protected unless TPMA_NV_NO_DA; its authValue usable for
 * writes with AUTHWRITE and for reads with AUTHREAD — for PIN indexes, instead, once written and
 * while pinCount &lt; pinLimit; its policy usable with POLICYWRITE/POLICYREAD, or whenever the
 * role demands a policy (ADMIN: NV_ChangeAuth, NV_UndefineSpaceSpecial).
 */
public record NvIndexEntity(TpmCore core, NvIndex index) implements Entity {
    @Override
    public int handle() {
        return index.handle();
    }

    @Override
    public byte[] name() {
        return index.name(core.crypto);
    }

    @Override
    public byte[] authValue() {
        return index.authValue();
    }

    @Override
    public HierarchyPolicy authPolicy() {
        return new HierarchyPolicy(index.nameAlg().id(), index.authPolicy());
    }

    @Override
    public boolean daProtected() {
        return !index.has(NO_DA);
    }

    @Override
    public boolean authValueAvailable(int commandCode, AuthRole role) {
        int attrs = index.attributes();
        if (NvAccess.isWriteOperation(commandCode)) {
            // AUTHWRITE cannot be set on a PIN index.
            return has(attrs, AUTHWRITE);
        }
        if (isPin(attrs)) {
            return has(attrs, WRITTEN) && Integer.compareUnsigned(pinCount(), pinLimit()) < 0;
        }
        return has(attrs, AUTHREAD);
    }

    @Override
    public boolean authPolicyAvailable(int commandCode, AuthRole role) {
        if (index.authPolicy().length == 0) {
            return false;
        }
        if (policyRequired(role)) {
            return true;
        }
        return index.has(NvAccess.isWriteOperation(commandCode) ? POLICYWRITE : POLICYREAD);
    }

    /** TPMS_NV_PIN_COUNTER_PARAMETERS.pinCount: the first four data bytes. */
    private int pinCount() {
        return (int) (index.readUint64() >>> 32);
    }

    private int pinLimit() {
        return (int) index.readUint64();
    }

    /** A PIN Pass or PIN Fail index cannot be a session's bind entity (TPM2_StartAuthSession). */
    @Override
    public boolean bindable() {
        return !isPin(index.attributes());
    }

    @Override
    public Optional<Boolean> nvWritten() {
        return Optional.of(index.has(WRITTEN));
    }

    /** EntityGetHierarchy: the platform's when only the platform may delete it, else the owner's. */
    @Override
    public int hierarchy() {
        return index.has(PLATFORMCREATE) ? TpmHandles.RH_PLATFORM
                : TpmHandles.RH_OWNER;
    }

    @Override
    public boolean pinPass() {
        return isPinPass(index.attributes());
    }

    @Override
    public void authValueChecked(TpmCore core, boolean matched) {
        if (!index.has(WRITTEN)) {
            return;
        }
        long pin = index.readUint64();
        long limit = pin & 0xFFFFFFFFL;
        int count = (int) (pin >>> 32);
        if (isPinFail(index.attributes())) {
            count = matched ? 0 : count + 1;
        } else if (isPinPass(index.attributes()) && matched) {
            count++;
        } else {
            return;
        }
        core.nv.writeUint64(index, ((long) count << 32) | limit);
    }
}
