package dev.jvtpm.engine.types.object;

import static dev.jvtpm.engine.types.object.WireCodes.hex;
import static dev.jvtpm.engine.types.object.WireCodes.rcOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Part 2 §11.2: the scheme structures and which selectors each accepts (libtpms 0.9.2 codes). */
class SchemeTest {
    static int p3(int code) {
        return TpmRc.atParameter(code, 3);
    }

    static String hexOf(Scheme s) {
        TpmWriter w = new TpmWriter();
        s.write(w);
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void sigSchemeAcceptsHmacRsassaRsapssEcdsaAndNullOnlyWhenAllowed() throws Exception {
        assertThat(Scheme.readSig(hex("0005 000c"), false)).isEqualTo(new Scheme.Hmac(HashAlg.SHA384));
        assertThat(Scheme.readSig(hex("0014 000b"), false)).isEqualTo(new Scheme.RsaSsa(HashAlg.SHA256));
        assertThat(Scheme.readSig(hex("0016 0004"), false)).isEqualTo(new Scheme.RsaPss(HashAlg.SHA1));
        assertThat(Scheme.readSig(hex("0018 000d"), false)).isEqualTo(new Scheme.Ecdsa(HashAlg.SHA512));
        assertThat(Scheme.readSig(hex("0010"), true)).isEqualTo(Scheme.NULL);
        assertThat(rcOf(r -> Scheme.readSig(r, false), 3, "0010")).isEqualTo(p3(TpmRc.SCHEME));
        assertThat(rcOf(r -> Scheme.readSig(r, true), 3, "001a 000b 0000")).isEqualTo(p3(TpmRc.SCHEME));
        assertThat(rcOf(r -> Scheme.readSig(r, true), 3, "0015")).isEqualTo(p3(TpmRc.SCHEME));
        assertThat(rcOf(r -> Scheme.readSig(r, true), 3, "0014 0012")).isEqualTo(p3(TpmRc.HASH));
    }

    @Test
    void rsaDecryptAcceptsRsaesAndOaepWithValueOtherwise() throws Exception {
        assertThat(Scheme.readRsaDecrypt(hex("0015"), false)).isEqualTo(new Scheme.RsaEs());
        assertThat(Scheme.readRsaDecrypt(hex("0017 000b"), false)).isEqualTo(new Scheme.Oaep(HashAlg.SHA256));
        assertThat(rcOf(r -> Scheme.readRsaDecrypt(r, false), 3, "0014 000b")).isEqualTo(p3(TpmRc.VALUE));
        assertThat(rcOf(r -> Scheme.readRsaDecrypt(r, false), 3, "0010")).isEqualTo(p3(TpmRc.VALUE));
        assertThat(Scheme.readRsaDecrypt(hex("0010"), true)).isEqualTo(Scheme.NULL);
    }

    @Test
    void eccKeyExchangeOnlyEcdh() throws Exception {
        assertThat(AlgSelectors.eccKeyExchange(hex("0019"), false)).isEqualTo(0x19);
        assertThat(rcOf(r -> AlgSelectors.eccKeyExchange(r, false), 3, "001d")).isEqualTo(p3(TpmRc.SCHEME));
        assertThat(rcOf(r -> AlgSelectors.eccKeyExchange(r, false), 3, "001b")).isEqualTo(p3(TpmRc.SCHEME));
    }

    @Test
    void marshalledFormsMatchTheUnion() {
        assertThat(hexOf(Scheme.NULL)).isEqualTo("0010");
        assertThat(hexOf(new Scheme.RsaEs())).isEqualTo("0015");
        assertThat(hexOf(new Scheme.Oaep(HashAlg.SHA384))).isEqualTo("0017000c");
        assertThat(hexOf(new Scheme.Xor(HashAlg.SHA256, 0x10))).isEqualTo("000a000b0010");
    }

    @Test
    void kdfSchemeNullAndHash() throws Exception {
        assertThat(KdfScheme.read(hex("0010"), true)).isEqualTo(KdfScheme.NULL);
        assertThat(KdfScheme.read(hex("0020 000c"), true)).isEqualTo(new KdfScheme(0x20, HashAlg.SHA384));
        assertThat(rcOf(r -> KdfScheme.read(r, true), 3, "0021 000c")).isEqualTo(p3(TpmRc.KDF));
        assertThat(rcOf(r -> KdfScheme.read(r, false), 3, "0010")).isEqualTo(p3(TpmRc.KDF));
        assertThat(rcOf(r -> KdfScheme.read(r, true), 3, "0022 0010")).isEqualTo(p3(TpmRc.HASH));
    }
}
