package dev.jvtpm.engine.object.name;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Part 1 §16 Names. The expected Names were computed independently with python3-tpm2-pytss
 * ({@code TPM2B_PUBLIC(publicArea=TPMT_PUBLIC.unmarshal(bytes)).get_name()}), the qualified names
 * with Python's hashlib.
 */
class ObjectNameTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final HexFormat HEX = HexFormat.of();
    static final String EK_POLICY = "837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa";

    static PublicArea parse(String hex) throws Exception {
        return PublicArea.read(new TpmReader(HEX.parseHex(hex)), true);
    }

    static Stream<Arguments> templates() {
        String z32 = "00".repeat(32);
        return Stream.of(
            Arguments.of("TCG EK L-1 RSA-2048", "0001000b000300b20020" + EK_POLICY + "00060080004300100800000000000100" + "00".repeat(256),
                    "000b32503929a1287eedaa3e89d932f9b51a6f92abd0fa57721ffa6fc041e04f7498"),
            Arguments.of("TCG EK L-2 ECC P-256", "0023000b000300b20020" + EK_POLICY + "0006008000430010000300100020" + z32 + "0020" + z32,
                    "000b0f1277a2f3f382e7f75db466fac234182a8d62f97dfbaae7b06fdf52bda51467"),
            Arguments.of("tpm2-tools default RSA SRK", "0001000b00030072000000060080004300100800000000000000",
                    "000b726dfd8203d5ecdeb156cbd324328258a14d2e15caf37f62084eb80a4705ee92"),
            Arguments.of("sealed data SHA-1", "0008000400000012000000100000",
                    "0004b2e00951b169fda4fd93de6f814ce8270376f0b0"),
            Arguments.of("AES-256-CFB SHA-384", "0025000c0004007200000006010000430000",
                    "000c95eb584787cdd2e1920177bdc729d2b4a13f238c573551534baf23dc18923f0b2b429d85bfb5dcc9324c9d023d2db43c"),
            Arguments.of("HMAC key SHA-512", "0008000d0004007200000005000d0000",
                    "000d123c4a012efc546b05f0eb8efeea26dcb1ed828444a012376f430a868b8746a94d9a64cb8d3480d6d9bd3b49ac0962d925085ae1e9ad25ee825aa80054aa21fe"),
            Arguments.of("ECDSA P-384 signing key", "0023000c00040072000000100018000c0004001000000000",
                    "000c6324a11f3a100209cd5b8f8aa0133166fbf9db6ea9ab65ee9eaf89df7484cb6461d75df5875a43e73fa955310b04fb09"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void nameMatchesTpm2Pytss(String what, String template, String expected) throws Exception {
        assertThat(HEX.formatHex(ObjectName.of(SUITE, parse(template)))).isEqualTo(expected);
    }

    @Test
    void nullNameAlgHasNoName() throws Exception {
        assertThat(ObjectName.of(SUITE, parse("0008001000000012000000100000"))).isEmpty();
    }

    @Test
    void qualifiedNamesChainFromTheHierarchyHandle() throws Exception {
        byte[] srk = ObjectName.of(SUITE, parse("0001000b00030072000000060080004300100800000000000000"));
        byte[] srkQn = ObjectName.qualified(SUITE, HashAlg.SHA256, ObjectName.hierarchyQualifiedName(TpmHandles.RH_OWNER), srk);
        assertThat(HEX.formatHex(srkQn)).isEqualTo("000baef4388be28863b32b4482435b1c4fd4635fd5fbcd96014931e78fe90a7d81df");
        byte[] sealed = ObjectName.of(SUITE, parse("0008000400000012000000100000"));
        assertThat(HEX.formatHex(ObjectName.qualified(SUITE, HashAlg.SHA1, srkQn, sealed)))
                .isEqualTo("000472c47b30db41d323329f3bdf21f521efa7f0b8fb");
    }

    @Test
    void handlesNameThemselves() {
        assertThat(ObjectName.ofHandle(TpmHandles.RH_ENDORSEMENT)).containsExactly(0x40, 0x00, 0x00, 0x0B);
    }
}
