package dev.jvtpm.engine.types.object;

import static dev.jvtpm.engine.types.object.WireCodes.hex;
import static dev.jvtpm.engine.types.object.WireCodes.rcOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmRc;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Part 2 §12.3 TPMT_SENSITIVE / TPM2B_SENSITIVE and §12.1.15-16 TPM(S|2B)_SENSITIVE_CREATE. */
class SensitiveAreaTest {
    static int p1(int code) {
        return TpmRc.atParameter(code, 1);
    }

    @Test
    void roundTripsAndCompositeMaximaFollowTheType() throws Exception {
        String ecc = "0023 0002 abcd 0000 0042" + "01".repeat(66);
        SensitiveArea s = SensitiveArea.read(hex(ecc));
        assertThat(HexFormat.of().formatHex(s.toBytes())).isEqualTo(ecc.replace(" ", ""));
        assertThat(rcOf(SensitiveArea::read, 1, "0023 0000 0000 0043" + "01".repeat(67))).isEqualTo(p1(TpmRc.SIZE));
        assertThat(SensitiveArea.read(hex("0001 0000 0000 00c0" + "01".repeat(192))).sensitive()).hasSize(192);
        assertThat(rcOf(SensitiveArea::read, 1, "0001 0000 0000 00c1" + "01".repeat(193))).isEqualTo(p1(TpmRc.SIZE));
        assertThat(SensitiveArea.read(hex("0008 0000 0000 0080" + "01".repeat(128))).sensitive()).hasSize(128);
        assertThat(rcOf(SensitiveArea::read, 1, "0025 0000 0000 0021" + "01".repeat(33))).isEqualTo(p1(TpmRc.SIZE));
        assertThat(rcOf(SensitiveArea::read, 1, "0006 0000 0000 0000")).isEqualTo(p1(TpmRc.TYPE));
    }

    @Test
    void sizedSensitiveAllowsEmptyButNotMismatch() throws Exception {
        assertThat(SensitiveArea.readSized(hex("0000"))).isNull();
        String body = "0025 0000 0000 0010" + "aa".repeat(16);
        assertThat(SensitiveArea.readSized(hex("0018" + body)).type()).isEqualTo(TpmAlgId.SYMCIPHER);
        assertThat(rcOf(SensitiveArea::readSized, 1, "0019" + body + "00")).isEqualTo(p1(TpmRc.SIZE));
    }

    @Test
    void toStringKeepsSecretsOut() throws Exception {
        SensitiveArea s = SensitiveArea.read(hex("0025 0002 5a5a 0000 0010" + "aa".repeat(16)));
        assertThat(s.toString()).doesNotContain("aa").doesNotContain("5a");
    }

    @Test
    void sensitiveCreateSizedRules() throws Exception {
        SensitiveCreate c = SensitiveCreate.readSized(hex("0008 0002 1234 0002 5678"));
        assertThat(c.userAuth()).containsExactly(0x12, 0x34);
        assertThat(c.data()).containsExactly(0x56, 0x78);
        assertThat(rcOf(SensitiveCreate::readSized, 1, "0000")).isEqualTo(p1(TpmRc.SIZE));
        assertThat(rcOf(SensitiveCreate::readSized, 1, "0009 0002 1234 0002 5678 00")).isEqualTo(p1(TpmRc.SIZE));
        assertThat(rcOf(SensitiveCreate::readSized, 1, "0083 0000 0081" + "00".repeat(129))).isEqualTo(p1(TpmRc.SIZE));
        assertThat(rcOf(SensitiveCreate::readSized, 1, "0006 0041" + "00".repeat(65))).isEqualTo(p1(TpmRc.SIZE));
    }

    @Test
    void eccPointSizedRules() throws Exception {
        EccPoint p = EccPoint.readSized(hex("0006 0001 aa 0001 bb"));
        assertThat(p.x()).containsExactly(0xaa);
        assertThat(rcOf(EccPoint::readSized, 1, "0000")).isEqualTo(p1(TpmRc.SIZE));
        assertThat(rcOf(EccPoint::readSized, 1, "0007 0001 aa 0001 bb 00")).isEqualTo(p1(TpmRc.SIZE));
    }
}
