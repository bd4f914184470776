package dev.jvtpm.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.daemon.cli.KeySource;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.engine.state.KeyMaterial;
import dev.jvtpm.engine.state.StateKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** swtpm's key-file rules as jvtpm applies them (reference §5: hex digits must match mode=, binary sizes, remove). */
class KeyLoaderTest {
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = TestDirs.create();
    }

    @AfterEach
    void clean() {
        TestDirs.delete(dir);
    }

    private static KeySource file(Path p, KeyMaterial.Format format, int keyBytes, boolean remove) {
        return new KeySource(KeySource.Kind.FILE, p, -1, format, keyBytes, KeyMaterial.PassphraseKdf.PBKDF2, remove);
    }

    private static StateKey load(KeySource s) throws Exception {
        return KeyLoader.load(s, "state key", fd -> {
            throw new AssertionError("no descriptors here");
        });
    }

    @Test
    void hexKeysMustHaveTheDigitsTheModeAsksFor() throws Exception {
        Path k128 = Files.writeString(dir.resolve("k128"), "0x00112233445566778899aabbccddeeff\n");
        Path k256 = Files.writeString(dir.resolve("k256"), "00112233445566778899aabbccddeeff".repeat(2));
        assertThat(load(file(k128, KeyMaterial.Format.HEX, 16, false)).bits()).isEqualTo(128);
        assertThat(load(file(k256, KeyMaterial.Format.HEX, 32, false)).bits()).isEqualTo(256);
        assertThatThrownBy(() -> load(file(k128, KeyMaterial.Format.HEX, 32, false)))
                .hasMessageContaining("the key has 128 bits but mode= asks for 256");
        assertThatThrownBy(() -> load(file(k256, KeyMaterial.Format.HEX, 16, false)))
                .hasMessageContaining("the key has 256 bits but mode= asks for 128");
    }

    @Test
    void binaryKeysAreSixteenOrThirtyTwoBytesWithinTheMode() throws Exception {
        Path b16 = Files.write(dir.resolve("b16"), new byte[16]);
        Path b32 = Files.write(dir.resolve("b32"), new byte[32]);
        Path b20 = Files.write(dir.resolve("b20"), new byte[20]);
        assertThat(load(file(b16, KeyMaterial.Format.BINARY, 32, false)).bits()).isEqualTo(128);
        assertThat(load(file(b32, KeyMaterial.Format.BINARY, 32, false)).bits()).isEqualTo(256);
        assertThatThrownBy(() -> load(file(b32, KeyMaterial.Format.BINARY, 16, false))).hasMessageContaining("larger");
        assertThatThrownBy(() -> load(file(b20, KeyMaterial.Format.BINARY, 32, false))).hasMessageContaining("16 or 32");
    }

    @Test
    void passphrasesGiveSwtpmsKeysAndRemoveDeletesTheFile() throws Exception {
        Path pwd = Files.writeString(dir.resolve("pwd"), "secret\n");
        KeySource src = new KeySource(KeySource.Kind.PASSPHRASE_FILE, pwd, -1, KeyMaterial.Format.HEX, 32,
                KeyMaterial.PassphraseKdf.PBKDF2, true);
        StateKey k = load(src);
        StateKey expected = new StateKey(KeyMaterial.fromPassphrase("secret\n".getBytes(StandardCharsets.US_ASCII),
                KeyMaterial.PassphraseKdf.PBKDF2, 32), "x");
        assertThat(k.sameAs(expected)).isTrue();
        assertThat(pwd).as("remove").doesNotExist();
        assertThatThrownBy(() -> load(src)).hasMessageContaining("cannot read");
    }
}
