package dev.jvtpm.engine.command.capability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Part 3 §10.6 TPM2_TestParms, and its agreement with TPM_CAP_ALGS. */
class TestParmsTest {
    private static int rc(TpmHarness h, String parmsHex) {
        return h.rc(Commands.testParms(HexFormat.of().parseHex(parmsHex.replace(" ", ""))));
    }

    @Test
    void keyedHashParameters() {
        TpmHarness h = TpmHarness.started();
        assertThat(rc(h, "0008 0010")).isZero();
        assertThat(rc(h, "0008 0005 000b")).isZero(); // HMAC SHA-256
        assertThat(rc(h, "0008 000a 000b 0022")).isZero(); // XOR with KDF1_SP800_108
        assertThat(rc(h, "0008 000a 000b 0021")).isEqualTo(0x1CC); // KDF2 is not implemented: TPM_RC_KDF
        assertThat(rc(h, "0008 0005 0010")).isEqualTo(0x1C3); // HMAC needs a hash
        assertThat(rc(h, "0008 0014 000b")).isEqualTo(0x1C4); // RSASSA is no keyed-hash scheme: TPM_RC_VALUE
        assertThat(rc(h, "0008 000a 000b 0010")).isZero(); // the KDF may be NULL
        assertThat(rc(h, "0008 000a 0010 0022")).isEqualTo(0x1C3); // the hash may not
        assertThat(rc(h, "0008 000a 000b 0099")).isEqualTo(0x1CC); // TPM_RC_KDF
    }

    @Test
    void symCipherParameters() {
        TpmHarness h = TpmHarness.started();
        assertThat(rc(h, "0025 0006 0080 0043")).isZero(); // AES-128-CFB
        assertThat(rc(h, "0025 0006 0100 0010")).isZero(); // AES-256, no mode
        for (String mode : new String[] {"0040", "0041", "0042", "0044"}) {
            assertThat(rc(h, "0025 0006 0080 " + mode)).as(mode).isZero(); // CTR, OFB, CBC, ECB
        }
        assertThat(rc(h, "0025 0006 00c0 0043")).isEqualTo(0x1C4); // AES-192 (off in libtpms too)
        assertThat(rc(h, "0025 0006 0080 003f")).isEqualTo(0x1C9); // CMAC not implemented: TPM_RC_MODE
        assertThat(rc(h, "0025 0010")).isEqualTo(0x1D6); // a symcipher needs a cipher
        assertThat(rc(h, "0025 0026 0080 0043")).isEqualTo(0x1D6); // Camellia not implemented
    }

    @Test
    void asymmetricParameters() {
        TpmHarness h = TpmHarness.started();
        assertThat(rc(h, "0001 0010 0010 0800 00000000")).isZero(); // RSA-2048
        assertThat(rc(h, "0001 0006 0080 0043 0010 0c00 00000000")).isZero(); // RSA-3072 storage
        assertThat(rc(h, "0001 0010 0014 000b 0400 00010001")).isZero(); // RSA-1024 RSASSA
        assertThat(rc(h, "0001 0010 0010 1000 00000000")).isEqualTo(0x1C4); // RSA-4096: TPM_RC_VALUE
        assertThat(rc(h, "0023 0010 0010 0003 0010")).isZero(); // ECC P-256
        assertThat(rc(h, "0023 0010 0018 000b 0005 0010")).isZero(); // P-521 ECDSA
        assertThat(rc(h, "0023 0010 0010 0010 0010")).isEqualTo(0x1E6); // BN P-256: TPM_RC_CURVE
        assertThat(rc(h, "0023 0010 001a 000b 0003 0010")).isEqualTo(0x1D2); // ECDAA: TPM_RC_SCHEME
        assertThat(rc(h, "0023 0010 0010 0003 0020 000b")).isZero(); // KDF1_SP800_56A parses (an object may not use it)
    }

    @Test
    void malformedParameters() {
        TpmHarness h = TpmHarness.started();
        assertThat(rc(h, "0099")).isEqualTo(0x1CA);
        assertThat(rc(h, "0008 0005 000b 00")).isEqualTo(0x095); // trailing byte
        assertThat(rc(h, "0008 0005 00")).isEqualTo(0x1DA); // truncated: TPM_RC_INSUFFICIENT
    }

    @Test
    void everyObjectTypeTpmCapAlgsListsPassesTestParms() throws Exception {
        TpmHarness h = TpmHarness.started();
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.ALGS, 0, 128))).body();
        r.skip(5);
        Map<Integer, Integer> algs = new LinkedHashMap<>();
        for (int n = r.u32(); n > 0; n--) {
            algs.put(r.u16(), r.u32());
        }
        assertThat(algs).doesNotContainKey(0x0010);
        Map<Integer, String> minimal = Map.of(0x0008, "0008 0010", 0x0025, "0025 0006 0080 0043",
                0x0001, "0001 0010 0010 0800 00000000", 0x0023, "0023 0010 0010 0003 0010");
        for (var e : minimal.entrySet()) {
            boolean listedAsObject = algs.containsKey(e.getKey()) && (algs.get(e.getKey()) & 0x8) != 0;
            assertThat(rc(h, e.getValue()) == 0).as("TestParms of type %04x", e.getKey()).isEqualTo(listedAsObject);
        }
    }
}
