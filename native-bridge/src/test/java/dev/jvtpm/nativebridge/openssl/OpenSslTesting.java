package dev.jvtpm.nativebridge.openssl;

/**
 * The provider under test. The build host has OpenSSL 3 (bin/test installs it), so an unavailable
 * provider fails the tests instead of skipping them.
 */
final class OpenSslTesting {
    private OpenSslTesting() {}

    private static final OpenSslProvider PROVIDER = new OpenSslProvider();

    static OpenSslProvider provider() {
        if (PROVIDER.unavailableReason().isPresent()) {
            throw new AssertionError("OpenSSL 3 provider unavailable: " + PROVIDER.unavailableReason().get());
        }
        return PROVIDER;
    }
}
