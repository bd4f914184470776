package dev.jvtpm.engine.command.session;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA512;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Part 3 §11.1 TPM2_StartAuthSession: handles, nonces, parameter checks, session limits. */
class StartAuthSessionTest {
    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    @Test
    void handlesAreTheLowestFreeEntryWithTheSessionType() {
        Session a = client.start(Start.hmac());
        Session b = client.start(Start.hmac());
        Session c = client.start(Start.policy());
        assertThat(a.handle).isEqualTo(0x02000000);
        assertThat(b.handle).isEqualTo(0x02000001);
        assertThat(c.handle).isEqualTo(0x03000002);
        h.ok(h.call(Commands.flushContext(b.handle)));
        assertThat(client.start(Start.trial()).handle).isEqualTo(0x03000001);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 20, 32})
    void nonceTpmHasTheSizeOfNonceCaller(int size) {
        Session s = client.start(Start.hmac().nonce(new byte[size]));
        assertThat(s.nonceTPM).hasSize(size);
    }

    @Test
    void nonceCallerMustBeSixteenBytesUpToTheDigestSize() {
        int sizeP1 = 0x1D5;
        assertThat(client.tryStart(Start.hmac().nonce(new byte[15])).rc()).isEqualTo(sizeP1);
        assertThat(client.tryStart(Start.hmac().nonce(new byte[33])).rc()).isEqualTo(sizeP1);
        assertThat(client.tryStart(Start.hmac().hash(ALG_SHA1).nonce(new byte[21])).rc()).isEqualTo(sizeP1);
        assertThat(client.tryStart(Start.hmac().hash(ALG_SHA1).nonce(new byte[20])).rc()).isZero();
        assertThat(client.tryStart(Start.policy().hash(ALG_SHA384).nonce(new byte[48])).rc()).isZero();
        assertThat(client.tryStart(Start.trial().hash(ALG_SHA512).nonce(new byte[64])).rc()).isZero();
    }

    @Test
    void aSaltNeedsATpmKey() {
        Start salted = Start.hmac().salt(TpmHandles.RH_NULL, new byte[0], new byte[] {1, 2, 3});
        assertThat(client.tryStart(salted).rc()).isEqualTo(0x2C4);
    }

    @Test
    void aHashSequenceIsNoSaltKey() throws Exception {
        int seq = h.ok(h.call(Commands.hashSequenceStart(new byte[0], ALG_SHA256))).body().u32();
        Start salted = Start.hmac().salt(seq, new byte[0], new byte[] {1, 2, 3});
        // TPM_RC_KEY at handle 1.
        assertThat(client.tryStart(salted).rc()).isEqualTo(0x19C);
    }

    @Test
    void blockCiphersMustUseCfb() {
        byte[] ofb = startRaw(w -> w.u8(0).u16(0x0006).u16(128).u16(0x0041).u16(ALG_SHA256));
        assertThat(h.rc(ofb)).isEqualTo(0x4C9);
        byte[] nullMode = startRaw(w -> w.u8(0).u16(0x0006).u16(128).u16(0x0010).u16(ALG_SHA256));
        assertThat(h.rc(nullMode)).isEqualTo(0x4C9);
    }

    @Test
    void unmarshallingErrorsNameTheParameter() {
        assertThat(h.rc(startRaw(w -> w.u8(2).u16(0x0010).u16(ALG_SHA256)))).isEqualTo(0x3C4);
        assertThat(h.rc(startRaw(w -> w.u8(0).u16(0x0026).u16(128).u16(0x0043).u16(ALG_SHA256))))
                .isEqualTo(0x4D6);
        // AES-192 is not implemented (as in libtpms): TPM_RC_VALUE.
        assertThat(h.rc(startRaw(w -> w.u8(0).u16(0x0006).u16(192).u16(0x0043).u16(ALG_SHA256))))
                .isEqualTo(0x4C4);
        assertThat(h.rc(startRaw(w -> w.u8(0).u16(0x0006).u16(128).u16(0x0099).u16(ALG_SHA256))))
                .isEqualTo(0x4C9);
        assertThat(h.rc(startRaw(w -> w.u8(0).u16(0x000A).u16(0x0010).u16(ALG_SHA256)))).isEqualTo(0x4C3);
        assertThat(h.rc(startRaw(w -> w.u8(0).u16(0x0010).u16(0x0010)))).isEqualTo(0x5C3);
    }

    @Test
    void handleTypesAreChecked() {
        // tpmKey is TPMI_DH_OBJECT+, bind TPMI_DH_ENTITY+.
        assertThat(h.rc(startRaw(TpmHandles.RH_OWNER, TpmHandles.RH_NULL,
                w -> w.u8(0).u16(0x0010).u16(ALG_SHA256)))).isEqualTo(0x184);
        assertThat(h.rc(startRaw(TpmHandles.RH_NULL, 0x02000000,
                w -> w.u8(0).u16(0x0010).u16(ALG_SHA256)))).isEqualTo(0x284);
        assertThat(h.rc(startRaw(0x80000000, TpmHandles.RH_NULL,
                w -> w.u8(0).u16(0x0010).u16(ALG_SHA256)))).isEqualTo(0x910);
        assertThat(h.rc(startRaw(TpmHandles.RH_NULL, 0x80000001,
                w -> w.u8(0).u16(0x0010).u16(ALG_SHA256)))).isEqualTo(0x911);
    }

    @Test
    void threeSessionsFitInMemory() {
        for (int i = 0; i < 3; i++) {
            client.start(Start.hmac());
        }
        assertThat(client.tryStart(Start.hmac()).rc()).isEqualTo(0x903);
        assertThat(property(TpmPt.HR_LOADED)).isEqualTo(3);
        assertThat(property(TpmPt.HR_LOADED_AVAIL)).isZero();
        assertThat(property(TpmPt.HR_ACTIVE)).isEqualTo(3);
        assertThat(property(TpmPt.HR_ACTIVE_AVAIL)).isEqualTo(61);
    }

    @Test
    void capabilityHandlesListsLoadedSessionsWithTheirType() throws Exception {
        client.start(Start.hmac());
        client.start(Start.policy());
        client.start(Start.trial());
        assertThat(handles(0x02000000)).containsExactly(0x02000000, 0x03000001, 0x03000002);
        assertThat(handles(0x02000001)).containsExactly(0x03000001, 0x03000002);
        assertThat(handles(0x03000000)).isEmpty();
    }

    @Test
    void flushContextEndsASessionOnce() {
        Session s = client.start(Start.policy());
        assertThat(h.rc(Commands.flushContext(s.handle))).isZero();
        assertThat(h.rc(Commands.flushContext(s.handle))).isEqualTo(0x1CB);
        assertThat(property(TpmPt.HR_LOADED)).isZero();
    }

    @Test
    void sessionsDoNotSurviveStartup() {
        client.start(Start.hmac());
        h.ok(h.call(Commands.shutdown(0)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(property(TpmPt.HR_LOADED)).isZero();
        assertThat(h.rc(Commands.flushContext(0x02000000))).isEqualTo(0x1CB);
    }

    @Test
    void loadedSessionsDoNotSurviveResume() {
        client.start(Start.hmac());
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1)));
        assertThat(property(TpmPt.HR_LOADED)).isZero();
        assertThat(property(TpmPt.HR_ACTIVE)).isZero();
    }

    private int property(int pt) {
        try {
            TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1))).body();
            r.u8();
            r.u32();
            r.u32();
            int got = r.u32();
            assertThat(got).isEqualTo(pt);
            return r.u32();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Integer> handles(int from) {
        return h.capabilityList(TpmCap.HANDLES, from, 64);
    }

    private static byte[] startRaw(java.util.function.Consumer<dev.jvtpm.engine.wire.TpmWriter> tail) {
        return startRaw(TpmHandles.RH_NULL, TpmHandles.RH_NULL, tail);
    }

    /** StartAuthSession with a 16-byte nonce, no salt, and {@code tail} from sessionType on. */
    private static byte[] startRaw(int tpmKey, int bind, java.util.function.Consumer<dev.jvtpm.engine.wire.TpmWriter> tail) {
        return Commands.build(TpmSt.NO_SESSIONS, TpmCc.START_AUTH_SESSION, w -> {
            w.u32(tpmKey).u32(bind).tpm2b(new byte[16]).u16(0);
            tail.accept(w);
        });
    }
}
