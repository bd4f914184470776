package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A brute-force attack on a DA-protected NV index's PIN, against the jvtpm daemon and swtpm
 * side by side: both must answer every guess the same way, be in lockout after maxTries, stay
 * locked when the process is restarted on its state (without TPM2_Shutdown, as a killed VM
 * leaves it), and unlock only with DictionaryAttackLockReset.
 */
class LockoutAcrossRestartsTest {
    private static final int INDEX = 0x01500020;
    private static final byte[] PIN = "4711".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONE = new byte[0];

    private TcpTpm jvtpm;
    private TcpTpm swtpm;

    @BeforeEach
    void start() throws Exception {
        jvtpm = TcpTpm.start(TcpTpm.Kind.JVTPM);
        swtpm = TcpTpm.start(TcpTpm.Kind.SWTPM);
    }

    @AfterEach
    void stop() throws Exception {
        TcpTpm.closeBoth(jvtpm, swtpm);
    }

    /** The same bytes to both; both responses must be identical; the response code. */
    private int same(String what, byte[] cmd) throws Exception {
        byte[] ref = swtpm.send(cmd);
        byte[] sub = jvtpm.send(cmd);
        assertThat(HexFormat.of().formatHex(sub)).as(what).isEqualTo(HexFormat.of().formatHex(ref));
        return ((ref[6] & 0xFF) << 24) | ((ref[7] & 0xFF) << 16) | ((ref[8] & 0xFF) << 8) | (ref[9] & 0xFF);
    }

    private void restartBoth() throws Exception {
        for (TcpTpm t : List.of(jvtpm, swtpm)) {
            t.restart();
        }
        assertThat(same("Startup(CLEAR)", Commands.startup(0))).isZero();
    }

    private byte[] guess(byte[] pin) {
        return Commands.nvRead(INDEX, pin, INDEX, 4, 0);
    }

    private void sameLockoutState(String what) throws Exception {
        for (int pt : new int[] {TpmPt.PERMANENT, TpmPt.LOCKOUT_COUNTER, TpmPt.MAX_AUTH_FAIL}) {
            same(what, Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1));
        }
    }

    @Test
    void guessesEndInALockoutThatSurvivesRestartsUntilLockReset() throws Exception {
        assertThat(same("Startup(CLEAR)", Commands.startup(0))).isZero();
        assertThat(same("define the PIN index", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, PIN, INDEX,
                TpmAlgId.SHA256, NvAttributes.OWNERREAD | NvAttributes.OWNERWRITE | NvAttributes.AUTHREAD, NONE, 4)))
                .isZero();
        assertThat(same("write it", Commands.nvWrite(TpmHandles.RH_OWNER, NONE, INDEX, PIN, 0))).isZero();
        int rc = 0;
        int guesses = 0;
        for (int pin = 0; pin < 20 && rc != 0x921; pin++) {
            byte[] candidate = String.format("%04d", pin).getBytes(StandardCharsets.US_ASCII);
            if (Arrays.equals(candidate, PIN)) {
                continue;
            }
            rc = same("guess " + pin, guess(candidate));
            guesses++;
        }
        assertThat(rc).as("TPM_RC_LOCKOUT").isEqualTo(0x921);
        // The first guess is deferred (TPM_RC_RETRY, DA_USED), then three failures reach maxTries.
        assertThat(guesses).isEqualTo(5);
        sameLockoutState("in lockout");
        assertThat(same("the right PIN in lockout", guess(PIN))).isEqualTo(0x921);

        restartBoth();
        sameLockoutState("after a restart");
        assertThat(same("the right PIN after a restart", guess(PIN))).isEqualTo(0x921);
        restartBoth();
        assertThat(same("and after another", guess(PIN))).isEqualTo(0x921);

        assertThat(same("DictionaryAttackLockReset", Commands.dictionaryAttackLockReset(NONE))).isZero();
        sameLockoutState("reset");
        assertThat(same("first use after the reset: TPM_RC_RETRY", guess(PIN))).isEqualTo(0x922);
        assertThat(same("the right PIN", guess(PIN))).isZero();
        restartBoth();
        sameLockoutState("a crash while DA was in use counts one failure");
    }
}
