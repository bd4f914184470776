package dev.jvtpm.engine.object.protect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.testing.KatFile;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Duplication blobs and credential blobs checked against python3-tpm2-pytss
 * (kat/protect/generate.py): what pytss wraps for a parent, jvtpm unwraps, and with the same
 * seed and key jvtpm wraps to the same bytes. Both RSA-2048 and ECC P-256 parents, AES-128-CFB,
 * SHA-256.
 */
class PytssBlobsTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());

    static PublicArea pub(byte[] b) throws Exception {
        return PublicArea.read(new TpmReader(b), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kat/protect/pytss-rsa2048.properties", "kat/protect/pytss-eccp256.properties"})
    void duplicationWithInnerAndOuterWrap(String resource) throws Exception {
        KatFile kat = KatFile.load(resource);
        PublicArea parent = pub(kat.bytes("parent.public"));
        PublicArea object = pub(kat.bytes("object.public"));
        SensitiveArea sensitive = SensitiveArea.read(new TpmReader(kat.bytes("object.sensitive")));
        byte[] name = ObjectName.of(SUITE, object);
        assertThat(name).isEqualTo(kat.bytes("object.name"));
        DuplicationBlob dup = new DuplicationBlob(SUITE);

        Protector outer = Protector.ofSeed(kat.bytes("duplicate.seed"), parent);
        byte[] key = kat.bytes("duplicate.innerKey");
        assertThat(dup.unwrap(outer, name, object.nameHash(), key, kat.bytes("duplicate.blob"))).isEqualTo(sensitive);
        assertThat(dup.wrap(outer, name, object.nameHash(), sensitive, key)).isEqualTo(kat.bytes("duplicate.blob"));

        Protector outerOnly = Protector.ofSeed(kat.bytes("duplicateOuterOnly.seed"), parent);
        assertThat(dup.unwrap(outerOnly, name, object.nameHash(), null, kat.bytes("duplicateOuterOnly.blob"))).isEqualTo(sensitive);
        assertThat(dup.wrap(outerOnly, name, object.nameHash(), sensitive, null)).isEqualTo(kat.bytes("duplicateOuterOnly.blob"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kat/protect/pytss-rsa2048.properties", "kat/protect/pytss-eccp256.properties"})
    void credentialBlob(String resource) throws Exception {
        KatFile kat = KatFile.load(resource);
        PublicArea ek = pub(kat.bytes("parent.public"));
        byte[] objectName = kat.bytes("object.name");
        Protector p = Protector.ofSeed(kat.bytes("credential.seed"), ek);
        CredentialBlob blobs = new CredentialBlob(SUITE);
        assertThat(blobs.unwrap(p, objectName, kat.bytes("credential.blob"))).isEqualTo(kat.bytes("credential.value"));
        assertThat(blobs.wrap(p, objectName, kat.bytes("credential.value"))).isEqualTo(kat.bytes("credential.blob"));
    }
}
