package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code differential/malformed-commands.txt} against swtpm 0.7.1 and jvtpm: malformed
 * headers, handle and session areas, parameters, and the lifecycle around them must get exactly
 * the answers swtpm gives.
 */
class MalformedCommandsDifferentialTest {
    @Test
    void everyResponseMatchesSwtpm() throws Exception {
        CommandCorpus corpus = CommandCorpus.load("/differential/malformed-commands.txt");
        assertThat(corpus.steps()).hasSizeGreaterThan(200);
        try (Differential d = Differential.start()) {
            List<String> mismatches = corpus.run(d);
            assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
        }
    }
}
