package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * RSA from SunRsaSign and SunJCE, whose modular arithmetic runs on HotSpot's BigInteger
 * intrinsics (montgomeryMultiply/Square). The JDK offers PSS only over whole messages, so PSS is
 * EMSA-PSS ({@link dev.jvtpm.engine.crypto.EmsaPss}) around the JDK's raw RSA primitive.
 */
final class JcaRsa implements RsaFamily {
    private final SecureRandom random;
    private final DigestFamily digests;

    JcaRsa(SecureRandom random, DigestFamily digests) {
        this.random = random;
        this.digests = digests;
    }

    @Override
    public RsaKeyComponents generate(int bits, BigInteger publicExponent) {
        RsaInputs.requireGenerationParameters(bits, publicExponent);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
            g.initialize(new RSAKeyGenParameterSpec(bits, publicExponent), random);
            KeyPair kp = g.generateKeyPair();
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) kp.getPrivate();
            return RsaKeyComponents.of(k.getPublicExponent(), k.getPrimeP(), k.getPrimeQ());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunRsaSign key generation: " + e.getMessage(), e);
        }
    }

    @Override
    public RsaPrivateKey prepare(RsaKeyComponents k) {
        try {
            KeyFactory f = KeyFactory.getInstance("RSA", "SunRsaSign");
            var pub = (java.security.interfaces.RSAPublicKey) f.generatePublic(
                    new RSAPublicKeySpec(k.modulus(), k.publicExponent()));
            var priv = f.generatePrivate(new RSAPrivateCrtKeySpec(k.modulus(), k.publicExponent(),
                    k.privateExponent(), k.p(), k.q(), k.dP(), k.dQ(), k.qInv()));
            return new JcaRsaPrivateKey(pub, priv, random, digests);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("SunRsaSign rejected the key: " + e.getMessage(), e);
        }
    }

    @Override
    public RsaPublicKey publicKey(BigInteger modulus, BigInteger publicExponent) {
        RsaInputs.requirePublicKey(modulus, publicExponent);
        try {
            KeyFactory f = KeyFactory.getInstance("RSA", "SunRsaSign");
            var pub = (java.security.interfaces.RSAPublicKey) f.generatePublic(
                    new RSAPublicKeySpec(modulus, publicExponent));
            return new JcaRsaPublicKey(pub, random, digests);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("SunRsaSign rejected the key: " + e.getMessage(), e);
        }
    }
}
