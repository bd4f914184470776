package dev.jvtpm.engine.command.pcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Part 3 §22.3 TPM2_PCR_Event. */
class PcrEventTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    static byte[] sha(String alg, byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance(alg);
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    @Test
    void returnsTheDigestOfEveryImplementedHashAndExtendsEachBank() throws Exception {
        TpmHarness h = TpmHarness.started();
        int counter = h.pcrUpdateCounter();
        TpmReader r = h.ok(h.call(Commands.pcrEvent(10, ABC))).parameters(0);
        assertThat(r.u32()).isEqualTo(4);
        String[][] banks = {{"0004", "SHA-1"}, {"000b", "SHA-256"}, {"000c", "SHA-384"}, {"000d", "SHA-512"}};
        for (String[] b : banks) {
            assertThat(HexFormat.of().formatHex(new byte[] {(byte) r.u8(), (byte) r.u8()})).isEqualTo(b[0]);
            byte[] digest = sha(b[1], ABC);
            assertThat(r.bytes(digest.length)).isEqualTo(digest);
        }
        assertThat(h.pcr(TpmAlgId.SHA256, 10)).isEqualTo(sha("SHA-256", new byte[32], sha("SHA-256", ABC)));
        assertThat(h.pcr(TpmAlgId.SHA1, 10)).isEqualTo(sha("SHA-1", new byte[20], sha("SHA-1", ABC)));
        // One count per bank extended, as the reference's PCRExtend counts.
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter + 4);
    }

    @Test
    void nullHandleOnlyHashes() throws Exception {
        TpmHarness h = TpmHarness.started();
        int counter = h.pcrUpdateCounter();
        TpmReader r = h.ok(h.call(Commands.pcrEvent(TpmHandles.RH_NULL, ABC))).parameters(0);
        assertThat(r.u32()).isEqualTo(4);
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter);
    }

    @Test
    void pcr16IsInTheNoIncrementGroup() {
        TpmHarness h = TpmHarness.started();
        int counter = h.pcrUpdateCounter();
        h.ok(h.call(Commands.pcrEvent(16, ABC)));
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter);
    }

    @Test
    void localityRulesOfThePcClientProfile() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.pcrEvent(17, ABC))).isEqualTo(0x907);
        assertThat(h.locality(2).rc(Commands.pcrEvent(17, ABC))).isZero();
        assertThat(h.locality(1).rc(Commands.pcrEvent(21, ABC))).isEqualTo(0x907);
        assertThat(h.locality(2).rc(Commands.pcrEvent(21, ABC))).isZero();
    }

    @Test
    void eventDataIsATpm2bEvent() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.pcrEvent(10, new byte[1024]))).isZero();
        assertThat(h.rc(Commands.pcrEvent(10, new byte[1025]))).isEqualTo(0x1D5);
    }
}
