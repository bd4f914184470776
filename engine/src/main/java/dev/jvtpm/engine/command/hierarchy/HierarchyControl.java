package dev.jvtpm.engine.command.hierarchy;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.YesNo;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_HierarchyControl (Part 3 §24.2): enables or disables the owner (shEnable), endorsement
 * (ehEnable) or platform (phEnable) hierarchy, or platform NV (phEnableNV). Platform
 * authorization may change any of them; owner and endorsement authorization may only disable
 * their own hierarchy. TPM_RC_AUTH_TYPE when the authorization does not allow the change;
 * TPM_RC_VALUE (parameter 1) for an enable outside TPMI_RH_ENABLES, (parameter 2) for a state
 * other than YES/NO. A disabled platform hierarchy can only come back with the next
 * Startup(CLEAR): its authorization is then TPM_RC_HIERARCHY (handle 1). Disabling a hierarchy
 * flushes its loaded objects. A change of state ends a pending orderly shutdown (the enables are
 * Startup(CLEAR) data); a request for the current state changes nothing.
 */
public final class HierarchyControl extends Command<HierarchyControl.In, Void> {
    public record In(int authHandle, int enable, boolean state) {}

    public HierarchyControl() {
        super(CommandDescriptor.builder(TpmCc.HIERARCHY_CONTROL)
                .handle("authHandle", HandleTypes.HIERARCHY, AuthRole.USER)
                .nv()
                .extensive()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int enable = r.param(1).u32();
        if (!HandleTypes.ENABLES.accepts(enable)) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(handles[0], enable, YesNo.read(r.param(2)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        boolean platformAuth = in.authHandle() == TpmHandles.RH_PLATFORM;
        boolean current;
        switch (in.enable()) {
            case TpmHandles.RH_PLATFORM:
            case TpmHandles.RH_PLATFORM_NV:
                if (!platformAuth) {
                    throw new TpmException(TpmRc.AUTH_TYPE);
                }
                current = in.enable() == TpmHandles.RH_PLATFORM ? core.phEnable : core.gc.phEnableNV;
                break;
            case TpmHandles.RH_OWNER:
                checkOwnAuth(in, platformAuth, core.gc.shEnable);
                current = core.gc.shEnable;
                break;
            default:
                checkOwnAuth(in, platformAuth, core.gc.ehEnable);
                current = core.gc.ehEnable;
                break;
        }
        if (current == in.state()) {
            return null;
        }
        switch (in.enable()) {
            case TpmHandles.RH_OWNER:
                core.gc.shEnable = in.state();
                break;
            case TpmHandles.RH_ENDORSEMENT:
                core.gc.ehEnable = in.state();
                break;
            case TpmHandles.RH_PLATFORM:
                core.phEnable = in.state();
                break;
            default:
                core.gc.phEnableNV = in.state();
                break;
        }
        if (!in.state() && in.enable() != TpmHandles.RH_PLATFORM_NV) {
            core.objects.flushHierarchy(in.enable());
        }
        Lifecycle.clearOrderly(core);
        return null;
    }

    /** Owner/endorsement: its own auth may disable it, only platform auth may (re-)enable it. */
    private static void checkOwnAuth(In in, boolean platformAuth, boolean enabled) throws TpmException {
        if (!platformAuth && in.authHandle() != in.enable()) {
            throw new TpmException(TpmRc.AUTH_TYPE);
        }
        if (!enabled && in.state() && !platformAuth) {
            throw new TpmException(TpmRc.AUTH_TYPE);
        }
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
