package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;

/** RSA on BouncyCastle's lightweight engines (RSABlindedEngine for every private operation). */
final class BcRsa implements RsaFamily {
    /** Miller-Rabin certainty for generated primes: error below 2^-128, as FIPS 186-5 C.3 asks for 2048-bit keys. */
    private static final int CERTAINTY = 128;

    private final SecureRandom random;

    BcRsa(SecureRandom random) {
        this.random = random;
    }

    @Override
    public RsaKeyComponents generate(int bits, BigInteger publicExponent) {
        RsaInputs.requireGenerationParameters(bits, publicExponent);
        RSAKeyPairGenerator g = new RSAKeyPairGenerator();
        g.init(new RSAKeyGenerationParameters(publicExponent, random, bits, CERTAINTY));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        RSAPrivateCrtKeyParameters k = (RSAPrivateCrtKeyParameters) kp.getPrivate();
        return RsaKeyComponents.of(k.getPublicExponent(), k.getP(), k.getQ());
    }

    @Override
    public RsaPrivateKey prepare(RsaKeyComponents k) {
        RSAPrivateCrtKeyParameters priv = new RSAPrivateCrtKeyParameters(k.modulus(), k.publicExponent(),
                k.privateExponent(), k.p(), k.q(), k.dP(), k.dQ(), k.qInv());
        return new BcRsaPrivateKey(new RSAKeyParameters(false, k.modulus(), k.publicExponent()), priv, random);
    }

    @Override
    public RsaPublicKey publicKey(BigInteger modulus, BigInteger publicExponent) {
        RsaInputs.requirePublicKey(modulus, publicExponent);
        return new BcRsaPublicKey(new RSAKeyParameters(false, modulus, publicExponent), random);
    }
}
