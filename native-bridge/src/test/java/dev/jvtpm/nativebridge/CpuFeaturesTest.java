package dev.jvtpm.nativebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuFeaturesTest {
    @Test
    void readsTheFlagsLineOfCpuinfo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: fpu sse2 aes pclmulqdq rdrand avx2 sha_ni\n"
                + "bugs\t\t: spectre_v1\n");
        CpuFeatures c = CpuFeatures.parse(f);
        assertThat(c.has("aes")).isTrue();
        assertThat(c.has("rdseed")).isFalse();
        assertThat(c.summary()).startsWith("aes sha_ni pclmulqdq avx2 -vaes -vpclmulqdq rdrand -rdseed (from ");
    }

    @Test
    void aMissingFileGivesNoFeaturesAndSaysWhy(@TempDir Path dir) {
        CpuFeatures c = CpuFeatures.parse(dir.resolve("absent"));
        assertThat(c.has("aes")).isFalse();
        assertThat(c.summary()).contains("unreadable");
    }

    @Test
    void thisLinuxHostReportsItsFlags() {
        assertThat(CpuFeatures.detect().has("sse2")).as("every x86-64 CPU has SSE2").isTrue();
    }
}
