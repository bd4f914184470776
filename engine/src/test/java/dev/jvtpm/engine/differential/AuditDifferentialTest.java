package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT_EXCLUSIVE;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT_RESET;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static dev.jvtpm.engine.testing.AuditCommands.getCommandAuditDigest;
import static dev.jvtpm.engine.testing.AuditCommands.setCommandCodeAuditStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Session audit and command audit against swtpm 0.7.1. Audited commands here are deterministic
 * (TPM2_Hash, PCR_Read, SetCommandCodeAuditStatus), so the audit digests - chains of cpHash and
 * rpHash - must be equal on both TPMs byte for byte, as must exclusivity, counters, the audited
 * command list and every response code. Attestation clock fields differ and are not compared.
 */
class AuditDifferentialTest extends SessionDifferentialFixture {
    private static final byte[] DATA = "audit me".getBytes(StandardCharsets.US_ASCII);

    /** The audit and continueSession attributes of each response are part of what is compared. */
    @Override
    protected boolean comparesAttributes() {
        return true;
    }

    private static byte[] hashParams(int alg) {
        return ByteBuffer.allocate(2 + DATA.length + 6).putShort((short) DATA.length).put(DATA)
                .putShort((short) alg).putInt(TpmHandles.RH_NULL).array();
    }

    /** The attested part (after the clock and firmware fields) of an audit attestation. */
    private static byte[] attested(Result r) {
        ByteBuffer p = r.reader();
        ByteBuffer a = ByteBuffer.wrap(SessionClient.get2b(p));
        a.getInt();
        a.getShort();
        SessionClient.get2b(a);
        SessionClient.get2b(a);
        a.position(a.position() + 8 + 4 + 4 + 1 + 8);
        return Arrays.copyOfRange(a.array(), a.position(), a.limit());
    }

    private Result[] sessionAuditDigest(String what, Session[] s, int signHandle) {
        return same(what, i -> new Call(TpmCc.GET_SESSION_AUDIT_DIGEST).handle(TpmHandles.RH_ENDORSEMENT)
                .handle(signHandle, new byte[0]).handle(s[i].handle).auth(Auth.password(new byte[0]))
                .auth(Auth.password(new byte[0])).params(new byte[] {0, 3, 1, 2, 3, 0, 0x10}));
    }

    private Result[] commandAuditDigest(String what) {
        return same(what, i -> getCommandAuditDigest());
    }

    @Test
    void auditSessionDigestsAndExclusivity() {
        Session[] s = startBoth(Start.hmac().hash(ALG_SHA384));
        Session[] other = startBoth(Start.hmac().bind(TpmHandles.RH_OWNER, new byte[0]));
        same("not yet an audit session", i -> new Call(TpmCc.GET_SESSION_AUDIT_DIGEST)
                .handle(TpmHandles.RH_ENDORSEMENT).handle(TpmHandles.RH_NULL).handle(s[i].handle)
                .auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0])).params(new byte[] {0, 0, 0, 0x10}));
        for (int n = 0; n < 3; n++) {
            same("audited Hash " + n, i -> new Call(TpmCc.HASH).auth(Auth.extra(s[i], CONTINUE | AUDIT))
                    .params(hashParams(ALG_SHA256)));
        }
        same("audited PCR_Read", i -> new Call(TpmCc.PCR_READ).auth(Auth.extra(s[i], CONTINUE | AUDIT))
                .params(new byte[] {0, 0, 0, 1, 0, 0x0B, 3, (byte) 0xFF, 0, 0}));
        Result[] r = sessionAuditDigest("GetSessionAuditDigest", s, TpmHandles.RH_NULL);
        assertThat(attested(r[1])).as("exclusive flag and session digest").isEqualTo(attested(r[0]));
        r = sessionAuditDigest("after a command without it", s, TpmHandles.RH_NULL);
        assertThat(attested(r[1])).isEqualTo(attested(r[0]));
        same("auditExclusive asked, not exclusive", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(s[i], CONTINUE | AUDIT | AUDIT_EXCLUSIVE)).params(hashParams(ALG_SHA1)));
        same("audit again", i -> new Call(TpmCc.HASH).auth(Auth.extra(s[i], CONTINUE | AUDIT))
                .params(hashParams(ALG_SHA1)));
        same("another audit session starts", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(other[i], CONTINUE | AUDIT)).params(hashParams(ALG_SHA1)));
        same("the first one is not exclusive", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(s[i], CONTINUE | AUDIT)).params(hashParams(ALG_SHA1)));
        same("auditReset", i -> new Call(TpmCc.HASH).auth(Auth.extra(s[i], CONTINUE | AUDIT | AUDIT_RESET))
                .params(hashParams(ALG_SHA256)));
        same("auditExclusive after reset", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(s[i], CONTINUE | AUDIT | AUDIT_EXCLUSIVE)).params(hashParams(ALG_SHA256)));
        r = sessionAuditDigest("after reset", s, TpmHandles.RH_NULL);
        assertThat(attested(r[1])).isEqualTo(attested(r[0]));
        r = sessionAuditDigest("the other session", other, TpmHandles.RH_NULL);
        assertThat(attested(r[1])).isEqualTo(attested(r[0]));
        d.same("HashSequenceStart", Commands.hashSequenceStart(new byte[0], ALG_SHA256));
        sessionAuditDigest("a sequence cannot sign", s, 0x80000000);
        d.same("FlushContext of the audit session", Commands.flushContext(s[0].handle));
        same("a command without sessions after the flush", i -> new Call(TpmCc.HASH).params(hashParams(ALG_SHA256)));
    }

    @Test
    void commandAudit() {
        d.same("initial audit list", Commands.getCapability(TpmCap.AUDIT_COMMANDS, 0, 254));
        Result[] r = commandAuditDigest("before anything was audited");
        assertThat(attested(r[1])).isEqualTo(attested(r[0]));
        same("audit Hash and PCR_Read, try Shutdown, an unknown code and removing SetCommandCodeAuditStatus",
                i -> setCommandCodeAuditStatus(0x0010, new int[] {TpmCc.HASH, TpmCc.PCR_READ, TpmCc.SHUTDOWN, 0x0999},
                        new int[] {TpmCc.SET_COMMAND_CODE_AUDIT_STATUS}));
        d.same("audit list", Commands.getCapability(TpmCap.AUDIT_COMMANDS, 0, 254));
        same("Hash", i -> new Call(TpmCc.HASH).params(hashParams(ALG_SHA256)));
        d.same("PCR_Read", Commands.pcrRead(ALG_SHA256, 0xFF));
        r = commandAuditDigest("GetCommandAuditDigest");
        assertThat(attested(r[1])).as("counter, alg, audit digest, command digest").isEqualTo(attested(r[0]));
        same("remove PCR_Read", i -> setCommandCodeAuditStatus(0x0010, new int[0], new int[] {TpmCc.PCR_READ}));
        same("new hash with a list", i -> setCommandCodeAuditStatus(ALG_SHA256, new int[] {TpmCc.PCR_READ}, new int[0]));
        same("new hash", i -> setCommandCodeAuditStatus(ALG_SHA256, new int[0], new int[0]));
        r = commandAuditDigest("right after the hash change");
        assertThat(attested(r[1])).isEqualTo(attested(r[0]));
        same("Hash under SHA-256", i -> new Call(TpmCc.HASH).params(hashParams(ALG_SHA1)));
        same("the same hash again", i -> setCommandCodeAuditStatus(ALG_SHA256, new int[0], new int[0]));
        r = commandAuditDigest("second audit digest");
        assertThat(attested(r[1])).isEqualTo(attested(r[0]));
        same("list too long", i -> setCommandCodeAuditStatus(0x0010, new int[255], new int[0]));
        same("bad hash", i -> setCommandCodeAuditStatus(0x0012, new int[0], new int[0]));
        d.same("audit list at the end", Commands.getCapability(TpmCap.AUDIT_COMMANDS, 0, 254));
    }
}
