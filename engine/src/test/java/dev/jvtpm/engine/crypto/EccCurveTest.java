package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The domain parameters TPM2_ECC_Parameters returns must be the standard ones, as two libraries know them. */
class EccCurveTest {
    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void parametersEqualTheJdks(EccCurve c) throws Exception {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec(c.secName()));
        ECParameterSpec s = ap.getParameterSpec(ECParameterSpec.class);
        assertThat(((ECFieldFp) s.getCurve().getField()).getP()).isEqualTo(c.p());
        assertThat(s.getCurve().getA()).isEqualTo(c.a());
        assertThat(s.getCurve().getB()).isEqualTo(c.b());
        assertThat(s.getGenerator().getAffineX()).isEqualTo(c.gx());
        assertThat(s.getGenerator().getAffineY()).isEqualTo(c.gy());
        assertThat(s.getOrder()).isEqualTo(c.n());
        assertThat(BigInteger.valueOf(s.getCofactor())).isEqualTo(c.h());
    }

    @ParameterizedTest
    @EnumSource(EccCurve.class)
    void parametersEqualBouncyCastles(EccCurve c) {
        X9ECParameters x = CustomNamedCurves.getByName(c.nistName());
        assertThat(x.getCurve().getField().getCharacteristic()).isEqualTo(c.p());
        assertThat(x.getCurve().getA().toBigInteger()).isEqualTo(c.a());
        assertThat(x.getCurve().getB().toBigInteger()).isEqualTo(c.b());
        assertThat(x.getG().getAffineXCoord().toBigInteger()).isEqualTo(c.gx());
        assertThat(x.getG().getAffineYCoord().toBigInteger()).isEqualTo(c.gy());
        assertThat(x.getN()).isEqualTo(c.n());
        assertThat(x.getH()).isEqualTo(c.h());
        assertThat(c.contains(c.gx(), c.gy())).isTrue();
        assertThat(c.contains(c.gx(), c.gy().add(BigInteger.ONE))).isFalse();
        assertThat(c.coordinateBytes()).isEqualTo(c == EccCurve.NIST_P521 ? 66 : c.p().bitLength() / 8);
        assertThat(EccCurve.fromTpmId(c.tpmId())).isSameAs(c);
    }
}
