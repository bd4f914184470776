package dev.jvtpm.engine.object.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.object.protect.PrivateBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.validation.KeyChecks;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.testing.KatFile;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PrimaryDerivation.Version#V1} against swtpm 0.7.1 / libtpms 0.9.2 as the oracle
 * (kat/derivation/generate-swtpm.py): from the hierarchy seeds read out of swtpm's state, every
 * primary object swtpm created must come out with the same public area, and the private blobs
 * swtpm produced with TPM2_Create under some of them must open with the derived parents' seeds.
 */
class SwtpmPrimaryKatTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final KatFile KAT = KatFile.load("kat/derivation/swtpm-libtpms-0.9.2.properties");
    static final HexFormat HEX = HexFormat.of();

    static Stream<String> primaries() {
        return Stream.of(
                "owner.rsa2048.storage", "owner.rsa2048.sign.unique", "owner.rsa2048.sign.e65539",
                "owner.rsa3072.sign.sha384", "owner.rsa2048.storage.data", "owner.rsa2048.storage.auth",
                "owner.rsa2048.storage.sha1", "owner.ecc256.storage", "owner.ecc256.storage.outside",
                "owner.ecc256.sign.unique", "owner.ecc384.sign", "owner.ecc521.sign", "owner.hmac.sha256",
                "owner.hmac.sha512.userkey", "owner.sealed", "owner.aes128cfb", "owner.aes256cfb.storage",
                "owner.aes128cfb.userkey", "owner.aes128cfb.unique", "endorsement.ek.rsa2048", "endorsement.ek.ecc256",
                "endorsement.ecc256.storage", "endorsement.hmac.sha256", "platform.ecc256.sign");
    }

    static PublicArea pub(byte[] b) throws Exception {
        return PublicArea.read(new TpmReader(b), false);
    }

    static CreatedObject derive(String label) throws Exception {
        PublicArea template = pub(KAT.bytes(label + ".template"));
        byte[] auth = ObjectValidation.adjustAuthSize(KAT.bytes(label + ".userAuth"), template.nameHash());
        SensitiveCreate sc = new SensitiveCreate(auth, KAT.bytes(label + ".data"));
        String h = KAT.string(label + ".hierarchy");
        byte[] seed = KAT.bytes(h.equals("o") ? "seed.owner" : h.equals("e") ? "seed.endorsement" : "seed.platform");
        List<byte[]> proofs = h.equals("e") ? List.of(KAT.bytes("proof.owner"), KAT.bytes("proof.endorsement")) : List.of();
        return new PrimaryDerivation(SUITE).derive(PrimaryDerivation.Version.V1, seed, template, sc, proofs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primaries")
    void derivedPublicAreaIsSwtpms(String label) throws Exception {
        CreatedObject o = derive(label);
        assertThat(HEX.formatHex(o.publicArea().toBytes())).isEqualTo(KAT.string(label + ".public"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("children")
    void swtpmPrivateBlobsOpenWithTheDerivedParentSeed(String child) throws Exception {
        CreatedObject parent = derive(KAT.string(child + ".parent"));
        PublicArea childPublic = pub(KAT.bytes(child + ".public"));
        byte[] name = ObjectName.of(SUITE, childPublic);
        SensitiveArea s = new PrivateBlob(SUITE).unwrap(Protector.ofParent(parent.publicArea(), parent.sensitive()), name,
                KAT.bytes(child + ".private"));
        // The unwrapped key must be the one the public area commits to.
        new KeyChecks(SUITE).check(childPublic, s, 2, 1);
        assertThat(s.authValue()).hasSize(childPublic.nameHash().digestSize());
    }

    static Stream<String> children() {
        return Stream.of("owner.rsa2048.storage/ecc256.sign", "owner.rsa2048.storage/sealed",
                "endorsement.ecc256.storage/hmac", "owner.aes256cfb.storage/sealed");
    }

    @Test
    void outsideInfoDoesNotTakePartInTheDerivation() {
        assertThat(KAT.string("owner.ecc256.storage.outside.public")).isEqualTo(KAT.string("owner.ecc256.storage.public"));
    }
}
