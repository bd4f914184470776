package dev.jvtpm.engine.object.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The RSA key pool: keys are well formed, never handed out twice, served by the background thread,
 * and TPM2_Create with a pool makes keys that load and sign like any other.
 */
class RsaKeyPoolTest {
    static final RsaFamily RSA = ProviderChain.javaOnly().resolve(ProviderPolicy.all()).rsa();

    @Test
    void pooledKeysAreWellFormedAndUnique() throws Exception {
        try (RsaKeyPool pool = new RsaKeyPool(RSA, 3, List.of(2048))) {
            Set<BigInteger> moduli = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                RsaKeyPair k = pool.generate(2048, 65537, null, true);
                assertThat(k.modulus().bitLength()).isEqualTo(2048);
                assertThat(k.p().bitLength()).isEqualTo(1024);
                assertThat(k.q().bitLength()).isEqualTo(1024);
                assertThat(k.p().multiply(k.q())).isEqualTo(k.modulus());
                assertThat(k.p().isProbablePrime(64)).isTrue();
                assertThat(moduli.add(k.modulus())).isTrue();
            }
            // Another exponent bypasses the pool.
            RsaKeyPair e3 = pool.generate(2048, 65539, null, false);
            assertThat(e3.exponent()).isEqualTo(65539);
            // The refill thread fills the queue back up (no timing assertion beyond a generous bound).
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (pool.available(2048) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(pool.available(2048)).isEqualTo(3);
        }
    }

    @Test
    void createWithAPoolMakesUsableKeys() throws Exception {
        try (RsaKeyPool pool = new RsaKeyPool(RSA, 2, List.of(2048))) {
            TpmHarness tpm = TpmHarness.started(TpmConfig.builder().rsaKeys(pool).build());
            ObjectDriver o = new ObjectDriver(tpm);
            int parent = o.createPrimary(TpmHandles.RH_OWNER, Templates.ecc(Templates.STORAGE | ObjectAttributes.NO_DA,
                    dev.jvtpm.engine.types.object.EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL)).handle();
            PublicArea t = Templates.rsa(Templates.SIGNING | ObjectAttributes.NO_DA, 2048, SymDefObject.NULL,
                    new Scheme.RsaSsa(HashAlg.SHA256));
            for (int i = 0; i < 3; i++) {
                ObjectDriver.Created c = o.create(parent, new byte[0], t, new byte[0], new byte[0]);
                int key = o.load(parent, new byte[0], c);
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {(byte) i});
                TpmHarness.Response sig = tpm.ok(tpm.call(ObjectCommands.sign(key, new byte[0], digest,
                        ObjectCommands.scheme(TpmAlgId.NULL, 0), ObjectCommands.nullHashcheck())));
                var r = sig.parameters(0);
                r.u16();
                r.u16();
                byte[] s = r.tpm2b(512);
                Signature v = Signature.getInstance("SHA256withRSA");
                v.initVerify(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, ((PublicId.Rsa) c.publicArea().unique()).modulus()), BigInteger.valueOf(65537))));
                v.update(new byte[] {(byte) i});
                assertThat(v.verify(s)).isTrue();
                o.flush(key);
            }
        }
    }
}
