package dev.jvtpm.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated default key file is what every default-key state is sealed with, so it must
 * appear complete or not at all: daemons starting at the same moment on first use (one key file
 * for all of them) all get the one key, never a half-written file, and no temporary file stays.
 */
class GeneratedKeyFileTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

    @Test
    void simultaneousFirstUsesAllGetTheSameCompleteKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path keyFile = dir.resolve("round-" + round).resolve("jvtpm/state.key");
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<StateKey>> keys = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    keys.add(pool.submit(() -> {
                        start.await();
                        return new GeneratedKeyFile(keyFile).key();
                    }));
                }
                StateKey first = keys.get(0).get();
                for (Future<StateKey> k : keys) {
                    assertThat(k.get().sameAs(first)).as("round " + round + ": every caller gets the one key").isTrue();
                }
                assertThat(new KeyFileProvider(keyFile, KeyMaterial.Format.HEX).key().sameAs(first)).isTrue();
                try (Stream<Path> files = Files.list(keyFile.getParent())) {
                    assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file stays")
                            .containsExactly("state.key");
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
