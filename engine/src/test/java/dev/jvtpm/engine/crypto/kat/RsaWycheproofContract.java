package dev.jvtpm.engine.crypto.kat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.HashAlg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.BadPaddingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wycheproof RSA vectors against one provider (a subclass names it). "acceptable" cases are
 * answered by jvtpm's policy: a DigestInfo without its NULL is refused (as libtpms via OpenSSL
 * and the JDK do); other acceptable cases are run but their answer is not pinned.
 */
public abstract class RsaWycheproofContract {
    protected abstract CryptoProvider provider();

    private RsaFamily rsa() {
        return provider().rsa().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_signature_2048_sha256_test.json", "rsa_signature_3072_sha256_test.json"})
    void pkcs1SignatureVerification(String file) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            RsaPublicKey key = publicKey(c.group().get("publicKey"));
            HashAlg h = Wycheproof.hash(c.group().get("sha").asText());
            boolean ok = key.verifyPkcs1(h, Wycheproof.digest(h, c.bytes("msg")), c.bytes("sig"));
            boolean expected = c.valid();
            if (c.valid() || c.invalid() || c.hasFlag("MissingNull")) {
                checked++;
                if (ok != expected) {
                    wrong.add(c.describe() + " answered " + ok);
                }
            }
        }
        assertThat(wrong).as(provider().name() + " " + file).isEmpty();
        assertThat(checked).isGreaterThan(250);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_3072_sha256_mgf1_32_test.json",
                            "rsa_pss_misc_test.json"})
    void pssSignatureVerification(String file) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            RsaPublicKey key = publicKey(c.group().get("publicKey"));
            HashAlg h = Wycheproof.hash(c.group().get("sha").asText());
            int sLen = c.group().get("sLen").asInt();
            byte[] digest = Wycheproof.digest(h, c.bytes("msg"));
            boolean ok = key.verifyPss(h, digest, c.bytes("sig"), sLen);
            checked++;
            if (ok != c.valid()) {
                wrong.add(c.describe() + " answered " + ok);
            }
            if (c.valid() && !key.verifyPss(h, digest, c.bytes("sig"), RsaPublicKey.PSS_ANY_SALT)) {
                wrong.add(c.describe() + " not accepted with any salt length");
            }
        }
        assertThat(wrong).as(provider().name() + " " + file).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_oaep_2048_sha1_mgf1sha1_test.json", "rsa_oaep_2048_sha256_mgf1sha256_test.json",
                            "rsa_oaep_3072_sha256_mgf1sha256_test.json", "rsa_oaep_misc_test.json"})
    void oaepDecryption(String file) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        JsonNode lastKey = null;
        RsaPrivateKey key = null;
        try {
            for (Wycheproof.Case c : Wycheproof.cases(file)) {
                JsonNode k = c.group().get("privateKey");
                if (k != lastKey) {
                    if (key != null) {
                        key.close();
                    }
                    key = rsa().prepare(RsaKeyComponents.of(Wycheproof.integer(k.get("publicExponent")),
                            Wycheproof.integer(k.get("prime1")), Wycheproof.integer(k.get("prime2"))));
                    lastKey = k;
                }
                HashAlg h = Wycheproof.hash(c.group().get("sha").asText());
                byte[] out;
                try {
                    out = key.decryptOaep(h, c.bytes("label"), c.bytes("ct"));
                } catch (BadPaddingException e) {
                    out = null;
                }
                if (c.valid() || c.invalid()) {
                    checked++;
                    boolean right = c.valid() ? out != null && Arrays.equals(out, c.bytes("msg")) : out == null;
                    if (!right) {
                        wrong.add(c.describe() + (out == null ? " refused" : " decrypted"));
                    }
                }
            }
        } finally {
            if (key != null) {
                key.close();
            }
        }
        assertThat(wrong).as(provider().name() + " " + file).isEmpty();
        assertThat(checked).isGreaterThan(30);
    }

    private RsaPublicKey publicKey(JsonNode k) {
        return rsa().publicKey(Wycheproof.integer(k.get("modulus")), Wycheproof.integer(k.get("publicExponent")));
    }
}
