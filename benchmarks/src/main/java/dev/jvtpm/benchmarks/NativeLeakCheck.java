package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.nativebridge.openssl.OpenSslProvider;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.BadPaddingException;

/**
 * Manual check that the OpenSSL provider frees what it allocates: 100,000 rounds of every native
 * path (key import and close, keys left to the cleaner, signing, verification failures that fill
 * OpenSSL's error queue, OAEP refusals, ECDH including refused points), printing the process RSS
 * every 10,000 rounds. Exits 1 when RSS grew more than the allowance after the first 10,000
 * rounds (the warm-up, when the JIT, the heap and OpenSSL's caches settle). Run with a fixed heap
 * so that heap growth cannot pass for a leak:
 *
 * <pre>java -Xms256m -Xmx256m -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     dev.jvtpm.benchmarks.NativeLeakCheck [rounds]</pre>
 */
public final class NativeLeakCheck {
    private NativeLeakCheck() {}

    private static final long ALLOWANCE_KIB = 16 * 1024;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        OpenSslProvider openssl = new OpenSslProvider();
        if (openssl.unavailableReason().isPresent()) {
            System.err.println("OpenSSL unavailable: " + openssl.unavailableReason().get());
            System.exit(2);
        }
        RsaFamily rsa = openssl.rsa().orElseThrow();
        EccFamily ecc = openssl.ecc().orElseThrow();
        RsaKeyComponents rsaKey = rsa.generate(1024, RsaFamily.DEFAULT_EXPONENT);
        EccKeyPair eccKey = ecc.generate(EccCurve.NIST_P256);
        EcPoint peer = ecc.generate(EccCurve.NIST_P256).publicPoint();
        EcPoint offCurve = EcPoint.of(EccCurve.NIST_P256, peer.xInt(), peer.yInt().add(BigInteger.ONE));
        byte[] digest = new byte[32];
        byte[] label = "SECRET\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long base = 0;
        for (int i = 1; i <= rounds; i++) {
            digest[0] = (byte) i;
            try (RsaPrivateKey k = rsa.prepare(rsaKey)) {
                byte[] sig = k.signPkcs1(HashAlg.SHA256, digest);
                check(k.verifyPkcs1(HashAlg.SHA256, digest, sig));
                sig[5] ^= 1;
                check(!k.verifyPkcs1(HashAlg.SHA256, digest, sig));
                check(!k.verifyPss(HashAlg.SHA256, digest, k.signPss(HashAlg.SHA256, digest), 31));
                byte[] ct = k.encryptOaep(HashAlg.SHA256, label, digest);
                ct[ct.length - 1] ^= 1;
                try {
                    k.decryptOaep(HashAlg.SHA256, label, ct);
                    check(false);
                } catch (BadPaddingException expected) {
                    // the error queue is drained on this path
                }
            }
            RsaPublicKey unclosed = rsa.publicKey(rsaKey.modulus(), rsaKey.publicExponent());
            check(unclosed.encryptRaw(new byte[] {1}).length == 128);
            try (EccPrivateKey k = ecc.prepare(eccKey)) {
                EcdsaSignature s = k.signEcdsa(digest);
                check(k.verifyEcdsa(digest, s));
                check(k.ecdh(peer).x().length == 32);
                try {
                    k.ecdh(offCurve);
                    check(false);
                } catch (InvalidPointException expected) {
                    // refused before multiplication
                }
            }
            check(ecc.publicPoint(EccCurve.NIST_P256, BigInteger.valueOf(i)).x().length == 32);
            if (i % 1000 == 0) {
                check(ecc.generate(EccCurve.NIST_P256).privateScalar().signum() > 0);
            }
            if (i % 10_000 == 0) {
                System.gc();
                long rss = rssKib();
                if (i == 10_000 || base == 0) {
                    base = rss;
                }
                System.out.printf("%,7d rounds: RSS %,d KiB (%+,d KiB since round 10,000)%n", i, rss, rss - base);
            }
        }
        long growth = rssKib() - base;
        boolean ok = base == 0 || growth <= ALLOWANCE_KIB;
        System.out.println(ok ? "no leak: RSS flat within " + ALLOWANCE_KIB + " KiB" : "LEAK: RSS grew " + growth + " KiB");
        System.exit(ok ? 0 : 1);
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new AssertionError("unexpected result");
        }
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
