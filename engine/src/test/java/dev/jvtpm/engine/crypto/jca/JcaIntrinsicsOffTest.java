package dev.jvtpm.engine.crypto.jca;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the engine pom's {@code jca-kat-intrinsics-off} surefire execution, which repeats
 * the JCA known-answer tests with HotSpot's crypto intrinsics disabled: it proves that run really
 * had them off (a JVM that did not know a flag would not have started at all).
 */
class JcaIntrinsicsOffTest {
    @Test
    void everyCryptoIntrinsicIsOffInThisRun() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String flag : new String[] {"UseAESIntrinsics", "UseAESCTRIntrinsics", "UseGHASHIntrinsics",
            "UseSHA1Intrinsics", "UseSHA256Intrinsics", "UseSHA512Intrinsics", "UseMD5Intrinsics"}) {
            assertThat(hotspot.getVMOption(flag).getValue()).as(flag).isEqualTo("false");
        }
    }
}
