package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;

/** The command audit commands (Part 3 §18.5, §21.2) as {@link SessionClient} calls, authorized by empty passwords. */
public final class AuditCommands {
    private AuditCommands() {}

    /** TPM2_SetCommandCodeAuditStatus by the owner: the audit digest algorithm and the commands set and cleared. */
    public static Call setCommandCodeAuditStatus(int alg, int[] set, int[] clear) {
        ByteBuffer b = ByteBuffer.allocate(2 + 8 + 4 * (set.length + clear.length)).putShort((short) alg)
                .putInt(set.length);
        for (int c : set) {
            b.putInt(c);
        }
        b.putInt(clear.length);
        for (int c : clear) {
            b.putInt(c);
        }
        return new Call(TpmCc.SET_COMMAND_CODE_AUDIT_STATUS).handle(TpmHandles.RH_OWNER)
                .auth(Auth.password(new byte[0])).params(b.array());
    }

    /** TPM2_GetCommandAuditDigest, unsigned (TPM_RH_NULL), without qualifying data. */
    public static Call getCommandAuditDigest() {
        return new Call(TpmCc.GET_COMMAND_AUDIT_DIGEST).handle(TpmHandles.RH_ENDORSEMENT)
                .handle(TpmHandles.RH_NULL).auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0]))
                .params(new byte[] {0, 0, 0, 0x10});
    }
}
