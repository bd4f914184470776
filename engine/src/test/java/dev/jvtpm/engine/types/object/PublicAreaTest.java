package dev.jvtpm.engine.types.object;

import static dev.jvtpm.engine.types.object.WireCodes.hex;
import static dev.jvtpm.engine.types.object.WireCodes.rcOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Part 2 §12.2.4 TPMT_PUBLIC / §12.2.5 TPM2B_PUBLIC, with libtpms 0.9.2's unmarshal codes. */
class PublicAreaTest {
    static final String EK_POLICY = "837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa";
    /** TCG EK Credential Profile template L-1 (RSA 2048), unique = 256 zero bytes. */
    static final String EK_RSA = "0001 000b 000300b2 0020" + EK_POLICY + " 0006 0080 0043 0010 0800 00000000 0100" + "00".repeat(256);
    /** Template L-2 (ECC NIST P-256), unique = two 32-byte zero coordinates. */
    static final String EK_ECC = "0023 000b 000300b2 0020" + EK_POLICY + " 0006 0080 0043 0010 0003 0010 0020" + "00".repeat(32) + "0020" + "00".repeat(32);

    static int rc(String hex) {
        return rcOf(r -> PublicArea.read(r, false), 2, hex);
    }

    static int p2(int code) {
        return TpmRc.atParameter(code, 2);
    }

    @Test
    void ekRsaTemplateRoundTrips() throws Exception {
        TpmReader r = hex(EK_RSA);
        PublicArea p = PublicArea.read(r, false);
        assertThat(r.hasRemaining()).isFalse();
        assertThat(p.type()).isEqualTo(TpmAlgId.RSA);
        assertThat(p.nameHash()).isEqualTo(HashAlg.SHA256);
        assertThat(p.attributes()).isEqualTo(0x000300B2);
        PublicParms.Rsa rsa = (PublicParms.Rsa) p.parameters();
        assertThat(rsa.symmetric()).isEqualTo(SymDefObject.aes(128, TpmAlgId.CFB));
        assertThat(rsa.scheme()).isEqualTo(Scheme.NULL);
        assertThat(rsa.keyBits()).isEqualTo(2048);
        assertThat(((PublicId.Rsa) p.unique()).modulus()).hasSize(256);
        assertThat(HexFormat.of().formatHex(p.toBytes())).isEqualTo(EK_RSA.replace(" ", ""));
    }

    @Test
    void ekEccTemplateRoundTrips() throws Exception {
        PublicArea p = PublicArea.read(hex(EK_ECC), false);
        PublicParms.Ecc ecc = (PublicParms.Ecc) p.parameters();
        assertThat(ecc.curve()).isEqualTo(EccCurve.NIST_P256);
        assertThat(ecc.kdf()).isEqualTo(KdfScheme.NULL);
        assertThat(HexFormat.of().formatHex(p.toBytes())).isEqualTo(EK_ECC.replace(" ", ""));
    }

    @Test
    void keyedHashAndSymCipherRoundTrip() throws Exception {
        String hmacKey = "0008 000b 00040072 0000 0005 000b 0000";
        String xorKdf = "0008 000c 00030072 0000 000a 000d 0022 0000";
        String sealed = "0008 000b 00000012 0000 0010 0000";
        String aes = "0025 000b 00030072 0000 0006 0100 0042 0000";
        String aesNullMode = "0025 000b 00030072 0000 0006 0080 0010 0000";
        for (String h : new String[] {hmacKey, xorKdf, sealed, aes, aesNullMode}) {
            PublicArea p = PublicArea.read(hex(h), false);
            assertThat(HexFormat.of().formatHex(p.toBytes())).isEqualTo(h.replace(" ", ""));
        }
        PublicArea xor = PublicArea.read(hex(xorKdf), false);
        assertThat(((PublicParms.KeyedHash) xor.parameters()).scheme())
                .isEqualTo(new Scheme.Xor(HashAlg.SHA512, TpmAlgId.KDF1_SP800_108));
    }

    @Test
    void typeMustBeAnImplementedObjectType() {
        assertThat(rc("0006 000b")).isEqualTo(p2(TpmRc.TYPE));
        assertThat(rc("0010 000b")).isEqualTo(p2(TpmRc.TYPE));
    }

    @Test
    void nameAlgIsAnImplementedHashAndNullOnlyWhereAllowed() throws Exception {
        assertThat(rc("0001 0012 00000000")).isEqualTo(p2(TpmRc.HASH)); // SM3_256
        assertThat(rc("0001 0010 00000000")).isEqualTo(p2(TpmRc.HASH));
        PublicArea p = PublicArea.read(hex("0008 0010 00000012 0000 0010 0000"), true);
        assertThat(p.nameHash()).isNull();
    }

    @Test
    void reservedAttributeBitsAreRejected() {
        for (int bit : new int[] {0, 3, 8, 9, 12, 15, 20, 31}) {
            String attrs = String.format("%08x", 1 << bit);
            assertThat(rc("0008 000b " + attrs + " 0000 0010 0000")).as("bit " + bit).isEqualTo(p2(TpmRc.RESERVED_BITS));
        }
        // x509sign is not reserved in libtpms 0.9.2.
        assertThat(PublicAreaReading.ok("0008 000b 00080000 0000 0010 0000")).isTrue();
    }

    @Test
    void authPolicyLargerThanAnyDigestIsSize() {
        assertThat(rc("0008 000b 00000012 0041" + "00".repeat(65))).isEqualTo(p2(TpmRc.SIZE));
    }

    @Test
    void truncatedInputIsInsufficient() {
        assertThat(rc("0001 000b 0003")).isEqualTo(p2(TpmRc.INSUFFICIENT));
        assertThat(rc("0001 000b 000300b2 0020 0000")).isEqualTo(p2(TpmRc.INSUFFICIENT));
    }

    @Test
    void symmetricDefinitionCodes() {
        String head = "0001 000b 00030072 0000 ";
        assertThat(rc(head + "0026 0080 0043")).isEqualTo(p2(TpmRc.SYMMETRIC)); // Camellia
        assertThat(rc(head + "0003 0080 0043")).isEqualTo(p2(TpmRc.SYMMETRIC)); // TDES
        assertThat(rc(head + "0013 0080 0043")).isEqualTo(p2(TpmRc.SYMMETRIC)); // SM4
        assertThat(rc(head + "000a 000b")).isEqualTo(p2(TpmRc.SYMMETRIC)); // XOR is no object cipher
        assertThat(rc(head + "0006 0040 0043")).isEqualTo(p2(TpmRc.VALUE)); // AES-64
        assertThat(rc(head + "0006 0080 003f")).isEqualTo(p2(TpmRc.MODE)); // CMAC
        assertThat(rc(head + "0006 0080 0044 0020")).isEqualTo(p2(TpmRc.VALUE)); // ECB ok, then scheme 0x20 not an RSA scheme
        // SYMCIPHER: the cipher may not be NULL.
        assertThat(rc("0025 000b 00030072 0000 0010")).isEqualTo(p2(TpmRc.SYMMETRIC));
    }

    @Test
    void rsaSchemeKeyBitsCodes() {
        String head = "0001 000b 00040072 0000 0010 ";
        assertThat(rc(head + "0018 000b")).isEqualTo(p2(TpmRc.VALUE)); // ECDSA is no RSA scheme
        assertThat(rc(head + "0014 0010")).isEqualTo(p2(TpmRc.HASH)); // RSASSA needs a hash
        assertThat(rc(head + "0014 000b 1000")).isEqualTo(p2(TpmRc.VALUE)); // 4096 bits
        assertThat(rc(head + "0014 000b 0200")).isEqualTo(p2(TpmRc.VALUE)); // 512 bits
        assertThat(rc(head + "0015 0800 00")).isEqualTo(p2(TpmRc.INSUFFICIENT)); // RSAES has no hash
    }

    @Test
    void eccSchemeCurveKdfCodes() {
        String head = "0023 000b 00040072 0000 0010 ";
        assertThat(rc(head + "001a 000b 0001")).isEqualTo(p2(TpmRc.SCHEME)); // ECDAA
        assertThat(rc(head + "001c 000b")).isEqualTo(p2(TpmRc.SCHEME)); // ECSchnorr
        assertThat(rc(head + "001b 000b")).isEqualTo(p2(TpmRc.SCHEME)); // SM2
        assertThat(rc(head + "001d 000b")).isEqualTo(p2(TpmRc.SCHEME)); // ECMQV
        assertThat(rc(head + "0014 000b")).isEqualTo(p2(TpmRc.SCHEME)); // RSASSA
        assertThat(rc(head + "0018 000b 0001")).isEqualTo(p2(TpmRc.CURVE)); // P-192
        assertThat(rc(head + "0018 000b 0010")).isEqualTo(p2(TpmRc.CURVE)); // BN P-256
        assertThat(rc(head + "0018 000b 0020")).isEqualTo(p2(TpmRc.CURVE)); // SM2 P-256
        assertThat(rc(head + "0018 000b 0000")).isEqualTo(p2(TpmRc.CURVE)); // TPM_ECC_NONE
    }

    @Test
    void eccKdfAcceptsTheImplementedKdfs() throws Exception {
        String head = "0023 000b 00040072 0000 0010 0018 000b 0003 ";
        for (String kdf : new String[] {"0007", "0020", "0022"}) {
            PublicArea p = PublicArea.read(hex(head + kdf + " 000b 0000 0000"), false);
            assertThat(((PublicParms.Ecc) p.parameters()).kdf().scheme()).isEqualTo(Integer.parseInt(kdf, 16));
        }
        // KDF2 is libtpms' fourth KDF; this TPM does not implement it.
        assertThat(rc(head + "0021 000b")).isEqualTo(p2(TpmRc.KDF));
        assertThat(rc(head + "0023 000b")).isEqualTo(p2(TpmRc.KDF));
    }

    @Test
    void aes192IsRefusedAsLibtpmsRefusesIt() {
        assertThat(rc("0025 000b 00030072 0000 0006 00c0 0010 0000")).isEqualTo(p2(TpmRc.VALUE));
    }

    @Test
    void keyedHashSchemeCodes() {
        assertThat(rc("0008 000b 00040072 0000 0014 000b")).isEqualTo(p2(TpmRc.VALUE)); // RSASSA
        assertThat(rc("0008 000b 00040072 0000 000a 0010")).isEqualTo(p2(TpmRc.HASH)); // XOR needs a hash
        assertThat(rc("0008 000b 00040072 0000 000a 000b 0005")).isEqualTo(p2(TpmRc.KDF)); // HMAC is no KDF
    }

    @Test
    void uniqueSizesAreBounded() {
        assertThat(rc("0008 000b 00000012 0000 0010 0041" + "00".repeat(65))).isEqualTo(p2(TpmRc.SIZE));
        assertThat(rc("0001 000b 00040072 0000 0010 0010 0800 00000000 0181" + "00".repeat(385))).isEqualTo(p2(TpmRc.SIZE));
        assertThat(rc("0023 000b 00040072 0000 0010 0010 0005 0010 0043" + "00".repeat(67))).isEqualTo(p2(TpmRc.SIZE));
    }

    @Test
    void sizedFormRejectsZeroAndMismatchedSizes() throws Exception {
        WireCodes.Read sized = r -> PublicArea.readSized(r, false);
        String body = "0008000b00000012000000100000";
        assertThat(rcOf(sized, 2, "0000")).isEqualTo(p2(TpmRc.SIZE));
        assertThat(rcOf(sized, 2, "000d" + body)).isEqualTo(p2(TpmRc.SIZE));
        assertThat(rcOf(sized, 2, "000f" + body + "00")).isEqualTo(p2(TpmRc.SIZE));
        // A short size is noticed only after the structure: an inner error wins.
        assertThat(rcOf(sized, 2, "0004 0006000b")).isEqualTo(p2(TpmRc.TYPE));
        TpmReader r = hex("000e" + body);
        assertThat(PublicArea.readSized(r, false).type()).isEqualTo(TpmAlgId.KEYEDHASH);
    }

    /** Small adapter so tests can pass method references. */
    static final class PublicAreaReading {
        static boolean ok(String hex) {
            try {
                PublicArea.read(hex(hex), false);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
