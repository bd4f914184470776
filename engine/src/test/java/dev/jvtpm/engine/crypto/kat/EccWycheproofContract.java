package dev.jvtpm.engine.crypto.kat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wycheproof ECDSA (IEEE P1363 encoding) and ECDH (points as SEC 1 encodings) vectors against one
 * provider. A TPM carries points as (x, y) and r, s as fixed-size values, so a compressed point
 * or a P1363 string of the wrong length is refused while decoding, before any provider sees it.
 */
public abstract class EccWycheproofContract {
    protected abstract CryptoProvider provider();

    private EccFamily ecc() {
        return provider().ecc().orElseThrow();
    }

    static EccCurve curve(String name) {
        for (EccCurve c : EccCurve.values()) {
            if (c.secName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
                            "ecdsa_secp521r1_sha512_p1363_test.json"})
    void ecdsaVerification(String file) throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            JsonNode pk = c.group().get("publicKey");
            EccCurve curve = curve(pk.get("curve").asText());
            EccPublicKey key = ecc().publicKey(EcPoint.of(curve, Wycheproof.integer(pk.get("wx")),
                    Wycheproof.integer(pk.get("wy"))));
            HashAlg h = Wycheproof.hash(c.group().get("sha").asText());
            byte[] sig = c.bytes("sig");
            boolean ok = sig.length == 2 * curve.coordinateBytes()
                    && key.verifyEcdsa(Wycheproof.digest(h, c.bytes("msg")), EcdsaSignature.fromP1363(sig));
            checked++;
            if (ok != c.valid()) {
                wrong.add(c.describe() + " answered " + ok);
            }
        }
        assertThat(wrong).as(provider().name() + " " + file).isEmpty();
        assertThat(checked).isGreaterThan(250);
    }

    /**
     * Q = d·G for the key under test, from BouncyCastle directly: ECDH only needs a consistent
     * pair, and the provider's own publicPoint is pinned by the family contract.
     */
    private static EcPoint referencePublicPoint(EccCurve c, BigInteger d) {
        var x9 = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName(c.nistName());
        var q = new org.bouncycastle.math.ec.FixedPointCombMultiplier().multiply(x9.getG(), d).normalize();
        return EcPoint.of(c, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdh_secp256r1_ecpoint_test.json", "ecdh_secp384r1_ecpoint_test.json",
                            "ecdh_secp521r1_ecpoint_test.json"})
    void ecdh(String file) {
        List<String> wrong = new ArrayList<>();
        int rejectedByProvider = 0;
        int checked = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            EccCurve curve = curve(c.group().get("curve").asText());
            byte[] pub = c.bytes("public");
            EcPoint peer = pub.length == 1 + 2 * curve.coordinateBytes() && pub[0] == 4
                    ? EcPoint.fromUncompressed(curve, pub) : null;
            BigInteger d = new BigInteger(1, c.bytes("private"));
            byte[] z = null;
            if (peer != null) {
                EcPoint q = referencePublicPoint(curve, d);
                try (EccPrivateKey key = ecc().prepare(EccKeyPair.of(d, q))) {
                    EcPoint zPoint = key.ecdh(peer);
                    z = zPoint.x();
                    if (!ecc().isOnCurve(zPoint)) {
                        wrong.add(c.describe() + " gave a Z off the curve");
                    }
                } catch (InvalidPointException e) {
                    rejectedByProvider++;
                }
            }
            if (c.valid() || c.invalid() || c.hasFlag("CompressedPublic")) {
                checked++;
                boolean right = c.valid() ? z != null && Arrays.equals(z, c.bytes("shared")) : z == null;
                if (!right) {
                    wrong.add(c.describe() + (z == null ? " refused" : " agreed"));
                }
            }
        }
        assertThat(wrong).as(provider().name() + " " + file).isEmpty();
        assertThat(checked).isGreaterThan(150);
        assertThat(rejectedByProvider).as("invalid-curve points must reach and be refused by the provider")
                .isGreaterThanOrEqualTo(16);
    }
}
