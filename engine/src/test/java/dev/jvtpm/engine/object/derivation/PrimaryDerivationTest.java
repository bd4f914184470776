package dev.jvtpm.engine.object.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.object.validation.KeyChecks;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.testing.KatFile;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmReader;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Part 1 §27.4: primary objects are a function of (seed, template, inSensitive). The public areas
 * are swtpm's (SwtpmPrimaryKatTest); here the secret halves are pinned too, under every provider
 * policy, and checked to be the keys their public areas commit to.
 */
class PrimaryDerivationTest {
    static final KatFile SWTPM = KatFile.load("kat/derivation/swtpm-libtpms-0.9.2.properties");
    static final KatFile SENSITIVE = KatFile.load("kat/derivation/primary-v1-sensitive.properties");
    static final HexFormat HEX = HexFormat.of();
    static final String[] LABELS = {
        "owner.rsa2048.storage", "owner.rsa2048.sign.unique", "owner.rsa3072.sign.sha384", "owner.rsa2048.storage.auth",
        "owner.ecc256.storage", "owner.ecc384.sign", "owner.ecc521.sign", "owner.ecc256.sign.unique",
        "owner.hmac.sha256", "owner.hmac.sha512.userkey", "owner.sealed", "owner.aes128cfb", "owner.aes256cfb.storage",
        "owner.aes128cfb.userkey", "owner.aes128cfb.unique", "endorsement.ek.rsa2048", "endorsement.ek.ecc256",
        "endorsement.ecc256.storage", "endorsement.hmac.sha256", "platform.ecc256.sign"};

    static Stream<Arguments> cases() {
        return Stream.of("all", "pure-java").flatMap(policy -> Stream.of(LABELS).map(l -> Arguments.of(policy, l)));
    }

    static CreatedObject derive(CryptoSuite suite, String label) throws Exception {
        PublicArea template = PublicArea.read(new TpmReader(SWTPM.bytes(label + ".template")), false);
        byte[] auth = ObjectValidation.adjustAuthSize(SWTPM.bytes(label + ".userAuth"), template.nameHash());
        String h = SWTPM.string(label + ".hierarchy");
        byte[] seed = SWTPM.bytes(h.equals("o") ? "seed.owner" : h.equals("e") ? "seed.endorsement" : "seed.platform");
        List<byte[]> proofs = h.equals("e") ? List.of(SWTPM.bytes("proof.owner"), SWTPM.bytes("proof.endorsement")) : List.of();
        return new PrimaryDerivation(suite).derive(PrimaryDerivation.Version.V1, seed, template,
                new SensitiveCreate(auth, SWTPM.bytes(label + ".data")), proofs);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void sameObjectUnderEveryProviderPolicy(String policy, String label) throws Exception {
        CryptoSuite suite = ProviderChain.javaOnly().resolve(ProviderPolicy.parse(policy));
        CreatedObject o = derive(suite, label);
        assertThat(HEX.formatHex(o.publicArea().toBytes())).isEqualTo(SWTPM.string(label + ".public"));
        assertThat(HEX.formatHex(o.sensitive().toBytes())).isEqualTo(SENSITIVE.string(label + ".sensitive"));
        assertThat(o.name()).isEqualTo(ObjectName.of(suite, o.publicArea()));
        assertKeyMatchesPublic(suite, o.publicArea(), o.sensitive());
    }

    /** The secret is the one the public area commits to, and the seedValue follows Part 1 §27.5. */
    static void assertKeyMatchesPublic(CryptoSuite suite, PublicArea p, SensitiveArea s) throws Exception {
        boolean parent = p.has(ObjectAttributes.RESTRICTED) && p.has(ObjectAttributes.DECRYPT);
        if (p.type() == TpmAlgId.RSA) {
            BigInteger n = new BigInteger(1, ((PublicId.Rsa) p.unique()).modulus());
            BigInteger prime = new BigInteger(1, s.sensitive());
            int bits = ((PublicParms.Rsa) p.parameters()).keyBits();
            assertThat(n.bitLength()).isEqualTo(bits);
            assertThat(prime.bitLength()).isEqualTo(bits / 2);
            assertThat(n.mod(prime)).isZero();
            assertThat(prime.isProbablePrime(64)).isTrue();
            assertThat(n.divide(prime).isProbablePrime(64)).isTrue();
        } else {
            // ECC point binding and symmetric unique, by the TPM's own load-time key checks.
            new KeyChecks(suite).check(p, s, 2, 1);
        }
        if (p.isSymmetricType() || parent) {
            assertThat(s.seedValue()).hasSize(p.nameHash().digestSize());
        } else {
            assertThat(s.seedValue()).isEmpty();
        }
        assertThat(s.authValue()).hasSize(p.nameHash().digestSize());
    }

    @Test
    void versionIdsAreFrozen() {
        assertThat(PrimaryDerivation.Version.V1.id()).isEqualTo(1);
        assertThat(PrimaryDerivation.Version.fromId(1)).isEqualTo(PrimaryDerivation.Version.V1);
    }

    @Test
    void sensitiveDataOfATpmGeneratedPrimaryOnlySeedsTheDerivation() {
        // Same template, inSensitive.data 01..05 given with sensitiveDataOrigin set: another key.
        assertThat(SWTPM.string("owner.rsa2048.storage.data.public")).isNotEqualTo(SWTPM.string("owner.rsa2048.storage.public"));
        // userAuth is not an input of the derivation: same key, only the sensitive authValue differs.
        assertThat(SWTPM.string("owner.rsa2048.storage.auth.public")).isEqualTo(SWTPM.string("owner.rsa2048.storage.public"));
    }
}
