package dev.jvtpm.nativebridge.rng;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;

/**
 * The RDRAND/RDSEED shim ({@code src/main/c/jvtpm_rng.c}), loaded by JNA from the classpath
 * where the build put it. Nothing here may be called unless {@link #unavailableReason()} is null,
 * and the instructions only when {@link #features()} reports them.
 */
final class RngShim {
    private RngShim() {}

    static final String RESOURCE = "/native/linux-x86_64/libjvtpm-rng.so";
    static final int RDRAND = 1;
    static final int RDSEED = 2;

    private static final String UNAVAILABLE = bind();

    private static String bind() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "not built: the shim exists for Linux x86-64 only (this is " + os + "/" + arch + ")";
        }
        if (RngShim.class.getResource(RESOURCE) == null) {
            return "not built: " + RESOURCE + " is not on the classpath (no gcc when native-bridge was built)";
        }
        try {
            File f = Native.extractFromResourcePath(RESOURCE, RngShim.class.getClassLoader());
            Native.register(RngShim.class, NativeLibrary.getInstance(f.getAbsolutePath()));
            return null;
        } catch (IOException | UnsatisfiedLinkError e) {
            return "cannot load " + RESOURCE + ": " + e.getMessage();
        }
    }

    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** {@link #RDRAND} and {@link #RDSEED} bits, from CPUID. */
    static int features() {
        return jvtpm_rng_features();
    }

    private static native int jvtpm_rng_features();

    /** Words filled (fewer than n when a word's carry flag stayed clear through the retries). */
    static native int jvtpm_rdseed64(long[] out, int n, int retries);

    static native int jvtpm_rdrand64(long[] out, int n, int retries);
}
