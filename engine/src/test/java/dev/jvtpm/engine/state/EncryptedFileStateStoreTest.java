package dev.jvtpm.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.crypto.CipherFamily;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed file store: atomic writes, refusal of tampered, truncated and foreign files, locking. */
class EncryptedFileStateStoreTest {
    private static final CipherFamily AES = ProviderChain.javaOnly().resolve(ProviderPolicy.all()).ciphers();

    @TempDir
    Path dir;

    private EncryptedFileStateStore store(String keyHex) throws Exception {
        Path key = dir.resolve("key-" + keyHex.substring(0, 4));
        Files.writeString(key, keyHex + "\n");
        return new EncryptedFileStateStore(dir, new KeyFileProvider(key, KeyMaterial.Format.HEX), 0640, AES);
    }

    private static final String KEY_A = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String KEY_B = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    @Test
    void roundTripsAndNeverStoresPlaintext() throws Exception {
        EncryptedFileStateStore s = store(KEY_A);
        byte[] secret = "seed material that must not be visible".getBytes(StandardCharsets.US_ASCII);
        s.write(BlobKind.PERMANENT, secret);
        assertThat(s.read(BlobKind.PERMANENT)).contains(secret);
        byte[] onDisk = Files.readAllBytes(s.file(BlobKind.PERMANENT));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("seed material");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file(BlobKind.PERMANENT))))
                .isEqualTo("rw-r-----");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("TMP2"));
    }

    @Test
    void tamperedFileIsRefusedByNameAndLeftUntouched() throws Exception {
        EncryptedFileStateStore s = store(KEY_A);
        s.write(BlobKind.PERMANENT, new byte[100]);
        Path f = s.file(BlobKind.PERMANENT);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 20] ^= 1;
        Files.write(f, bytes);
        assertThatThrownBy(() -> s.read(BlobKind.PERMANENT))
                .isInstanceOf(StateException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("authentication failed");
        assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        EncryptedFileStateStore s = store(KEY_A);
        s.write(BlobKind.PERMANENT, new byte[100]);
        Path f = s.file(BlobKind.PERMANENT);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        assertThatThrownBy(() -> s.read(BlobKind.PERMANENT))
                .isInstanceOf(StateException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void wrongKeyIsReportedAsSuchNotAsTampering() throws Exception {
        store(KEY_A).write(BlobKind.PERMANENT, new byte[10]);
        EncryptedFileStateStore other = store(KEY_B);
        assertThatThrownBy(() -> other.read(BlobKind.PERMANENT))
                .isInstanceOf(StateException.class)
                .hasMessageContaining(other.file(BlobKind.PERMANENT).toString())
                .hasMessageContaining("different key");
    }

    @Test
    void blobsCannotBeSwappedBetweenKinds() throws Exception {
        EncryptedFileStateStore s = store(KEY_A);
        s.write(BlobKind.VOLATILE, new byte[10]);
        Files.copy(s.file(BlobKind.VOLATILE), s.file(BlobKind.PERMANENT));
        assertThatThrownBy(() -> s.read(BlobKind.PERMANENT)).hasMessageContaining("VOLATILE");
    }

    @Test
    void secondLockOnTheSameDirectoryIsRefused() throws Exception {
        try (EncryptedFileStateStore a = store(KEY_A); EncryptedFileStateStore b = store(KEY_A)) {
            a.lock();
            assertThatThrownBy(b::lock).hasMessageContaining("in use");
            a.close();
            b.lock();
            assertThat(b.locked()).isTrue();
        }
    }

    @Test
    void passphraseStretchingMatchesThePbkdf2OfTheJdk() {
        byte[] ours = KeyMaterial.fromPassphrase("correct horse\n".getBytes(StandardCharsets.US_ASCII),
                KeyMaterial.PassphraseKdf.PBKDF2, 32);
        assertThat(ours).isEqualTo(KeyMaterial.pbkdf2Sha512Jdk("correct horse\n",
                "swtpm".getBytes(StandardCharsets.US_ASCII), 1000, 32));
    }

    @Test
    void generatedKeyFileIsCreatedPrivateAndReused() throws Exception {
        Path keyFile = dir.resolve("cfg/jvtpm/default.key");
        StateKey first = new GeneratedKeyFile(keyFile).key();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent()))).isEqualTo("rwx------");
        assertThat(new GeneratedKeyFile(keyFile).key().sameAs(first)).isTrue();
        assertThat(first.bits()).isEqualTo(256);
    }

    @Test
    void malformedKeyFilesAreRefusedClearly() throws Exception {
        Path k = dir.resolve("bad.key");
        Files.writeString(k, "not hex at all");
        assertThatThrownBy(() -> new KeyFileProvider(k, KeyMaterial.Format.HEX).key())
                .hasMessageContaining(k.toString()).hasMessageContaining("hex");
    }
}
