package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every provider's {@link EccFamily} must do, run once per provider by a subclass naming it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EccFamilyContract {
    protected abstract CryptoProvider provider();

    private final SecureRandom random = new SecureRandom();

    private EccFamily ecc() {
        return provider().ecc().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void generatedKeysAreOnTheCurveAndMatchTheirScalar(EccCurve c) {
        EccKeyPair kp = ecc().generate(c);
        assertThat(c.isValidScalar(kp.privateScalar())).isTrue();
        assertThat(ecc().isOnCurve(kp.publicPoint())).isTrue();
        assertThat(kp.publicPoint().x()).hasSize(c.coordinateBytes());
        assertThat(ecc().publicPoint(c, kp.privateScalar())).isEqualTo(kp.publicPoint());
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void publicPointOfOneIsTheGenerator(EccCurve c) {
        assertThat(ecc().publicPoint(c, BigInteger.ONE)).isEqualTo(EcPoint.of(c, c.gx(), c.gy()));
        assertThat(ecc().publicPoint(c, c.n().subtract(BigInteger.ONE)))
                .isEqualTo(EcPoint.of(c, c.gx(), c.p().subtract(c.gy())));
        assertThatThrownBy(() -> ecc().publicPoint(c, c.n())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ecc().publicPoint(c, BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void signaturesVerifyForEveryDigestLength(EccCurve c) throws Exception {
        EccKeyPair kp = ecc().generate(c);
        EccPublicKey pub = ecc().publicKey(kp.publicPoint());
        try (EccPrivateKey key = ecc().prepare(kp)) {
            for (int len : new int[] {20, 32, 48, 64}) {
                byte[] d = new byte[len];
                random.nextBytes(d);
                EcdsaSignature sig = key.signEcdsa(d);
                assertThat(sig.r()).hasSize(c.coordinateBytes());
                assertThat(sig.s()).hasSize(c.coordinateBytes());
                assertThat(pub.verifyEcdsa(d, sig)).as("digest of %d bytes", len).isTrue();
                d[0] ^= (byte) 0x80;
                assertThat(pub.verifyEcdsa(d, sig)).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void outOfRangeSignaturesAreRejected(EccCurve c) throws Exception {
        EccKeyPair kp = ecc().generate(c);
        EccPublicKey pub = ecc().publicKey(kp.publicPoint());
        byte[] d = new byte[32];
        try (EccPrivateKey key = ecc().prepare(kp)) {
            EcdsaSignature sig = key.signEcdsa(d);
            assertThat(pub.verifyEcdsa(d, EcdsaSignature.of(c, BigInteger.ZERO, sig.sInt()))).isFalse();
            assertThat(pub.verifyEcdsa(d, EcdsaSignature.of(c, sig.rInt(), c.n()))).isFalse();
            EcdsaSignature unreduced = EcdsaSignature.of(sig.rInt().add(c.n()).toByteArray(), sig.s());
            assertThat(pub.verifyEcdsa(d, unreduced)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void ecdhAgreesBothWaysAndReturnsTheFullPoint(EccCurve c) throws Exception {
        EccKeyPair a = ecc().generate(c);
        EccKeyPair b = ecc().generate(c);
        try (EccPrivateKey ka = ecc().prepare(a); EccPrivateKey kb = ecc().prepare(b)) {
            EcPoint z = ka.ecdh(b.publicPoint());
            assertThat(kb.ecdh(a.publicPoint())).isEqualTo(z);
            assertThat(ecc().isOnCurve(z)).isTrue();
            BigInteger ab = a.privateScalar().multiply(b.privateScalar()).mod(c.n());
            assertThat(ecc().publicPoint(c, ab)).isEqualTo(z);
        }
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void ecdhWithTheGeneratorOrItsNegationGivesThePublicPoint(EccCurve c) throws Exception {
        EccKeyPair a = ecc().generate(c);
        try (EccPrivateKey ka = ecc().prepare(a)) {
            assertThat(ka.ecdh(EcPoint.of(c, c.gx(), c.gy()))).isEqualTo(a.publicPoint());
            EcPoint negP = EcPoint.of(c, a.publicPoint().xInt(), c.p().subtract(a.publicPoint().yInt()));
            assertThat(ka.ecdh(EcPoint.of(c, c.gx(), c.p().subtract(c.gy())))).isEqualTo(negP);
            EcPoint self = ka.ecdh(a.publicPoint());
            assertThat(self).isEqualTo(ecc().publicPoint(c, a.privateScalar().pow(2).mod(c.n())));
        }
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void pointsOffTheCurveAreRefused(EccCurve c) throws Exception {
        EccKeyPair a = ecc().generate(c);
        EcPoint q = a.publicPoint();
        EcPoint off = EcPoint.of(c, q.xInt(), q.yInt().add(BigInteger.ONE).mod(c.p()));
        EcPoint unreduced = EcPoint.of(c, q.xInt(), q.yInt().add(c.p()).mod(BigInteger.TWO.pow(8 * c.coordinateBytes())));
        assertThat(ecc().isOnCurve(off)).isFalse();
        assertThat(ecc().isOnCurve(EcPoint.of(c, BigInteger.ZERO, BigInteger.ZERO))).isFalse();
        assertThatThrownBy(() -> ecc().publicKey(off)).isInstanceOf(InvalidPointException.class);
        try (EccPrivateKey key = ecc().prepare(a)) {
            assertThatThrownBy(() -> key.ecdh(off)).isInstanceOf(InvalidPointException.class);
            assertThatThrownBy(() -> key.ecdh(EcPoint.of(c, BigInteger.ZERO, BigInteger.ZERO)))
                    .isInstanceOf(InvalidPointException.class);
            if (q.yInt().add(c.p()).bitLength() <= 8 * c.coordinateBytes()) {
                assertThat(ecc().isOnCurve(unreduced)).isFalse();
                assertThatThrownBy(() -> key.ecdh(unreduced)).isInstanceOf(InvalidPointException.class);
            }
            EccCurve other = c == EccCurve.NIST_P256 ? EccCurve.NIST_P384 : EccCurve.NIST_P256;
            EcPoint g = EcPoint.of(other, other.gx(), other.gy());
            assertThatThrownBy(() -> key.ecdh(g)).isInstanceOf(InvalidPointException.class);
        }
    }

    @Test
    void closedKeysRefuseToWork() {
        EccPrivateKey key = ecc().prepare(ecc().generate(EccCurve.NIST_P256));
        key.close();
        key.close();
        assertThatThrownBy(() -> key.signEcdsa(new byte[32])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passesThePowerOnSelfTest() {
        assertThat(SelfTest.ecc(ecc())).isNull();
    }
}
