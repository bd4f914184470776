package dev.jvtpm.nativebridge.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.nativebridge.NativeProviders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A host without libcrypto 3: a fresh JVM told to load a library that does not exist must resolve
 * the chain on the Java providers and report why OpenSSL was passed over.
 */
class OpenSslAbsentTest {
    /** Run in the child JVM. */
    public static void main(String[] args) {
        var chain = NativeProviders.chain();
        CryptoSuite suite = chain.resolve(ProviderPolicy.all());
        System.out.print(NativeProviders.report(suite, chain));
    }

    @Test
    void theChainFallsBackToJcaAndSaysWhy() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + LibCrypto.LIBRARY_PROPERTY + "=libjvtpm-no-such-crypto.so.3",
                OpenSslAbsentTest.class.getName()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("rsa          jca - first in chain order")
                .contains("openssl (unavailable: cannot load libjvtpm-no-such-crypto.so.3")
                .contains("openssl: not loaded");
    }
}
