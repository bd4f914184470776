package dev.jvtpm.engine.command.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.crypto.FaultyCrypto;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Part 3 §10: SelfTest, IncrementalSelfTest, GetTestResult, and failure mode after a failed test. */
class SelfTestCommandsTest {
    private static List<Integer> toDo(TpmHarness h, int... toTest) throws Exception {
        TpmReader r = h.ok(h.call(Commands.incrementalSelfTest(toTest))).body();
        int n = r.u32();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.u16());
        }
        return out;
    }

    @Test
    void everyImplementedAlgorithmWithATestIsUntestedAfterStartup() throws Exception {
        TpmHarness h = TpmHarness.started();
        // As libtpms: HMAC is covered by the SHA-256 test, RSA by its schemes' tests and ECC by ECDH;
        // KEYEDHASH, SYMCIPHER, XOR, MGF1 and KDF1_SP800_56A have no test of their own; of the modes
        // only CFB is listed after _TPM_Init.
        assertThat(toDo(h)).containsExactly(TpmAlgId.SHA1, TpmAlgId.AES, TpmAlgId.SHA256, TpmAlgId.SHA384,
                TpmAlgId.SHA512, TpmAlgId.RSASSA, TpmAlgId.RSAES, TpmAlgId.RSAPSS, TpmAlgId.OAEP, TpmAlgId.ECDSA,
                TpmAlgId.ECDH, TpmAlgId.KDF1_SP800_108, TpmAlgId.CFB);
    }

    @Test
    void incrementalSelfTestTestsWhatItIsGivenAndReportsTheRest() throws Exception {
        TpmHarness h = TpmHarness.started();
        assertThat(toDo(h, TpmAlgId.SHA256)).doesNotContain(TpmAlgId.SHA256).contains(TpmAlgId.SHA1);
        assertThat(toDo(h, TpmAlgId.HMAC)).doesNotContain(TpmAlgId.SHA256);
        assertThat(toDo(h, TpmAlgId.CFB)).doesNotContain(TpmAlgId.AES, TpmAlgId.CFB);
        assertThat(toDo(h, TpmAlgId.ECDSA)).doesNotContain(TpmAlgId.ECDSA, TpmAlgId.ECDH).contains(TpmAlgId.RSASSA);
        assertThat(toDo(h, TpmAlgId.RSASSA, TpmAlgId.OAEP)).doesNotContain(TpmAlgId.RSASSA, TpmAlgId.OAEP)
                .contains(TpmAlgId.RSAES, TpmAlgId.RSAPSS);
        assertThat(toDo(h, TpmAlgId.RSAES, TpmAlgId.RSAPSS, TpmAlgId.KDF1_SP800_108, TpmAlgId.KEYEDHASH))
                .containsExactly(TpmAlgId.SHA1, TpmAlgId.SHA384, TpmAlgId.SHA512);
    }

    @Test
    void incrementalSelfTestRefusesUnimplementedAlgorithmsAsLibtpms() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.incrementalSelfTest(0x0002))).isEqualTo(0x1C4);
        // TPM_ALG_NULL is not an implemented algorithm (TPM_CAP_ALGS does not list it).
        assertThat(h.rc(Commands.incrementalSelfTest(TpmAlgId.NULL))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.incrementalSelfTest(TpmAlgId.KDF2))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.incrementalSelfTest(TpmAlgId.RSA))).isZero();
        assertThat(h.rc(Commands.incrementalSelfTest(new int[65]))).isEqualTo(0x1D5);
    }

    @Test
    void algorithmsAreTestedOnFirstUse() throws Exception {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.pcrExtend(10, TpmAlgId.SHA1, new byte[20])));
        assertThat(toDo(h)).doesNotContain(TpmAlgId.SHA1).contains(TpmAlgId.SHA256);
        // GetRandom uses the DRBG, which is not subject to the algorithm tests.
        h.ok(h.call(Commands.getRandom(16)));
        assertThat(toDo(h)).contains(TpmAlgId.AES);
        // Creating an ECC key tests ECDSA (and with it ECDH); wrapping it for its parent tests KDFa.
        h.ok(h.callRetrying(dev.jvtpm.engine.testing.ObjectCommands.createPrimary(0x40000001,
                dev.jvtpm.engine.testing.Templates.ecc(dev.jvtpm.engine.testing.Templates.STORAGE,
                        dev.jvtpm.engine.types.object.EccCurve.NIST_P256, dev.jvtpm.engine.testing.Templates.AES128_CFB,
                        dev.jvtpm.engine.types.object.Scheme.NULL))));
        assertThat(toDo(h)).doesNotContain(TpmAlgId.ECDSA, TpmAlgId.ECDH).contains(TpmAlgId.KDF1_SP800_108);
        h.ok(h.callRetrying(dev.jvtpm.engine.testing.ObjectCommands.create(0x80000000, new byte[0],
                dev.jvtpm.engine.testing.Templates.keyedHash(0x00000452, HashAlg.SHA256,
                        dev.jvtpm.engine.types.object.Scheme.NULL), new byte[0], new byte[] {1})));
        assertThat(toDo(h)).doesNotContain(TpmAlgId.KDF1_SP800_108);
    }

    @Test
    void selfTestRunsWhatIsLeftOrEverything() throws Exception {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.selfTest(false)));
        assertThat(toDo(h)).isEmpty();
        h.ok(h.call(Commands.selfTest(true)));
        assertThat(toDo(h)).isEmpty();
        assertThat(h.rc(Commands.selfTest(false))).isZero();
        byte[] bad = Commands.selfTest(false);
        bad[10] = 2;
        assertThat(h.rc(bad)).isEqualTo(0x1C4);
    }

    @Test
    void untestedSetStartsOverAtEveryInit() throws Exception {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.selfTest(true)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(toDo(h)).hasSize(13);
    }

    @Test
    void getTestResultIsEmptySuccessOutsideFailureMode() throws Exception {
        TpmHarness h = TpmHarness.started();
        TpmReader r = h.ok(h.call(Commands.getTestResult())).body();
        assertThat(r.tpm2b(1024)).isEmpty();
        assertThat(r.u32()).isZero();
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void aFailedTestEntersFailureModeAndGetTestResultSaysWhy() throws Exception {
        TpmHarness h = TpmHarness.started(TpmConfig.builder()
                .crypto(FaultyCrypto.withBrokenHash(HashAlg.SHA384)).build());
        // SHA-256 works; the first use of SHA-384 runs its known-answer test, which fails.
        h.ok(h.call(Commands.hash(new byte[] {1, 2, 3, 4}, TpmAlgId.SHA256, 0x40000007)));
        assertThat(h.rc(Commands.hash(new byte[] {1, 2, 3, 4}, TpmAlgId.SHA384, 0x40000007))).isEqualTo(0x101);

        assertThat(h.rc(Commands.getRandom(8))).isEqualTo(0x101);
        TpmReader r = h.ok(h.call(Commands.getTestResult())).body();
        TpmReader data = new TpmReader(r.tpm2b(1024));
        assertThat(new String(data.bytes(4), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("Self");
        assertThat(data.u32()).isZero();
        assertThat(data.u32()).isEqualTo(6); // FATAL_ERROR_SELF_TEST
        assertThat(r.u32()).isEqualTo(0x101);

        // Only the identity properties remain readable, one per call.
        r = h.ok(h.call(Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.FAMILY_INDICATOR, 10))).body();
        assertThat(r.u8()).isEqualTo(1);
        assertThat(r.u32()).isEqualTo(TpmCap.TPM_PROPERTIES);
        assertThat(r.u32()).isEqualTo(1);
        assertThat(r.u32()).isEqualTo(TpmPt.MANUFACTURER);
        assertThat(r.u32()).isEqualTo(0x4A565450); // "JVTP"
        assertThat(h.rc(Commands.getCapability(TpmCap.ALGS, 0, 10))).isEqualTo(0x101);

        // Platform signals are ignored in failure mode.
        h.tpm().hashStart();
        h.tpm().hashEnd();

        // _TPM_Init leaves failure mode; the broken hash fails again at its next use.
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        h.ok(h.call(Commands.getRandom(8)));
        assertThat(h.rc(Commands.selfTest(true))).isEqualTo(0x101);
    }

    @Test
    void aSelfTestFailureDuringADrtmSequenceEntersFailureMode() {
        TpmHarness h = TpmHarness.started(TpmConfig.builder()
                .crypto(FaultyCrypto.withBrokenHash(HashAlg.SHA512)).build());
        h.tpm().hashStart(); // tests every hash: SHA-512 fails
        assertThat(h.rc(Commands.getRandom(8))).isEqualTo(0x101);
    }
}
