package dev.jvtpm.engine.types.object;

import static dev.jvtpm.engine.types.object.WireCodes.hex;
import static dev.jvtpm.engine.types.object.WireCodes.rcOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Part 2 §11.3.4 TPMT_SIGNATURE. */
class SignatureTest {
    static String roundTrip(String h) throws Exception {
        Signature s = Signature.read(hex(h), true);
        TpmWriter w = new TpmWriter();
        s.write(w);
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void implementedSignaturesRoundTrip() throws Exception {
        for (String h : new String[] {
                "0014000b0004deadbeef", "0016000c000401020304",
                "0018000b0002aaaa0003bbbbbb", "00050004" + "11".repeat(20), "0010"}) {
            assertThat(roundTrip(h)).isEqualTo(h);
        }
        Signature.Hmac hmac = (Signature.Hmac) Signature.read(hex("0005000b" + "22".repeat(32)), false);
        assertThat(hmac.hash()).isEqualTo(HashAlg.SHA256);
    }

    @Test
    void unimplementedSchemesFailAtTheSelector() {
        int scheme = TpmRc.atParameter(TpmRc.SCHEME, 2);
        assertThat(rcOf(r -> Signature.read(r, false), 2, "001a000b00020000")).isEqualTo(scheme); // ECDAA
        assertThat(rcOf(r -> Signature.read(r, false), 2, "001c000b00020000")).isEqualTo(scheme); // ECSchnorr
        assertThat(rcOf(r -> Signature.read(r, false), 2, "001b000b00020000")).isEqualTo(scheme); // SM2
        assertThat(rcOf(r -> Signature.read(r, false), 2, "0010")).isEqualTo(scheme);
    }

    @Test
    void memberErrors() {
        assertThat(rcOf(r -> Signature.read(r, false), 2, "00140010")).isEqualTo(TpmRc.atParameter(TpmRc.HASH, 2));
        assertThat(rcOf(r -> Signature.read(r, false), 2, "0014000b0181" + "00".repeat(385))).isEqualTo(TpmRc.atParameter(TpmRc.SIZE, 2));
        assertThat(rcOf(r -> Signature.read(r, false), 2, "0018000b0043" + "00".repeat(67))).isEqualTo(TpmRc.atParameter(TpmRc.SIZE, 2));
        assertThat(rcOf(r -> Signature.read(r, false), 2, "0005000b" + "22".repeat(31))).isEqualTo(TpmRc.atParameter(TpmRc.INSUFFICIENT, 2));
    }
}
