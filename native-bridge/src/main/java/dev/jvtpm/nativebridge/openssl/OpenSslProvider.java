package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.PrimitiveFamily;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.Tier;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * RSA and ECC offloaded to the host's OpenSSL 3 libcrypto through JNA. Loaded by soname
 * ({@value LibCrypto#SONAME}); when it is missing or not 3.x the provider says why in
 * {@link #unavailableReason()} and the chain goes on to the Java providers.
 */
public final class OpenSslProvider implements CryptoProvider {
    private final String unavailable;
    private final OpenSslRsa rsa;
    private final OpenSslEcc ecc;

    public OpenSslProvider() {
        String reason = LibCrypto.unavailableReason();
        OpenSslRsa r = null;
        OpenSslEcc e = null;
        if (reason == null) {
            try {
                r = new OpenSslRsa();
                e = new OpenSslEcc();
            } catch (RuntimeException ex) {
                reason = "libcrypto is missing something jvtpm needs: " + ex.getMessage();
            }
        }
        this.unavailable = reason;
        this.rsa = r;
        this.ecc = e;
    }

    @Override
    public String name() {
        return "openssl";
    }

    @Override
    public Tier tier() {
        return Tier.HARDWARE;
    }

    @Override
    public Set<PrimitiveFamily> families() {
        return EnumSet.of(PrimitiveFamily.RSA, PrimitiveFamily.ECC);
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    /** "OpenSSL 3.0.19 27 Jan 2026", or empty when not loaded. */
    public Optional<String> version() {
        return unavailable == null ? Optional.of(LibCrypto.OpenSSL_version(LibCrypto.OPENSSL_VERSION)) : Optional.empty();
    }

    @Override
    public Optional<RsaFamily> rsa() {
        return Optional.ofNullable(rsa);
    }

    @Override
    public Optional<EccFamily> ecc() {
        return Optional.ofNullable(ecc);
    }
}
