package dev.jvtpm.daemon.interop.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newc writer, read back by GNU cpio (installed by bin/test) as an independent reader. */
class NewcArchiveWriterTest {

    @TempDir
    Path dir;

    @Test
    void gnuCpioListsEveryEntryWithItsTypeModeAndSize() throws Exception {
        Path archive = write();

        String listing = HostCommand.run(List.of("cpio", "-itv", "--quiet", "-F", archive.toString()), dir, Duration.ofSeconds(30));

        List<String> lines = listing.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("drwxr-xr-x").endsWith(" dev");
        assertThat(lines.get(1)).startsWith("crw-------").contains(" 5,").endsWith(" dev/console");
        assertThat(lines.get(2)).startsWith("-rwxr-xr-x").endsWith(" init");
        assertThat(lines.get(2).split("\\s+")[4]).as("size of init").isEqualTo("5");
        assertThat(lines.get(3)).startsWith("-rw-r--r--").endsWith(" odd-name-length");
    }

    @Test
    void gnuCpioExtractsFileContentUnchangedAcrossPadding() throws Exception {
        Path archive = write();

        String init = HostCommand.run(List.of("cpio", "-i", "--quiet", "--to-stdout", "-F", archive.toString(), "init"),
                dir, Duration.ofSeconds(30));
        String odd = HostCommand.run(List.of("cpio", "-i", "--quiet", "--to-stdout", "-F", archive.toString(), "odd-name-length"),
                dir, Duration.ofSeconds(30));

        assertThat(init).isEqualTo("hello");
        assertThat(odd).isEqualTo("abc");
    }

    @Test
    void sameEntriesGiveTheSameBytes() throws IOException {
        assertThat(Files.readAllBytes(write())).isEqualTo(Files.readAllBytes(write()));
    }

    private Path write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NewcArchiveWriter cpio = new NewcArchiveWriter(bytes)) {
            cpio.directory("dev", 0755);
            cpio.characterDevice("dev/console", 0600, 5, 1);
            cpio.file("init", 0755, "hello".getBytes(StandardCharsets.US_ASCII));
            cpio.file("odd-name-length", 0644, "abc".getBytes(StandardCharsets.US_ASCII));
        }
        Path archive = Files.createTempFile(dir, "test", ".cpio");
        Files.write(archive, bytes.toByteArray());
        return archive;
    }
}
