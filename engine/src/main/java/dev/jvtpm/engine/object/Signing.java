package dev.jvtpm.engine.object;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.Signature;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.security.MessageDigest;

/**
 * Signing and signature verification with a loaded object (libtpms CryptUtil.c
 * CryptSelectSignScheme, CryptSign, CryptValidateSignature): RSASSA and RSAPSS with RSA keys,
 * ECDSA with ECC keys, HMAC with keyed-hash keys. Used by TPM2_Sign and TPM2_VerifySignature and
 * meant for every command that signs (attestation) or checks a signature (TPM2_PolicySigned).
 */
public final class Signing {
    private final CryptoSuite suite;

    public Signing(CryptoSuite suite) {
        this.suite = suite;
    }

    /** The key's own scheme (TPMS_*_PARMS.scheme), NULL for a SYMCIPHER. */
    public static Scheme keyScheme(KeyObject key) {
        PublicParms p = key.publicArea().parameters();
        if (p instanceof PublicParms.Rsa rsa) {
            return rsa.scheme();
        }
        if (p instanceof PublicParms.Ecc ecc) {
            return ecc.scheme();
        }
        if (p instanceof PublicParms.KeyedHash kh) {
            return kh.scheme();
        }
        return Scheme.NULL;
    }

    /**
     * CryptSelectSignScheme: the scheme to sign with, or null when {@code in} is not compatible
     * with the key (callers answer TPM_RC_SCHEME at inScheme). A SYMCIPHER cannot sign; a key
     * without a scheme takes any non-NULL input scheme; a key with a scheme takes a NULL input
     * (then its own) or exactly its own.
     */
    public static Scheme selectScheme(KeyObject key, Scheme in) {
        if (key.type() == TpmAlgId.SYMCIPHER) {
            return null;
        }
        Scheme own = keyScheme(key);
        if (own.isNull()) {
            return in.isNull() ? null : in;
        }
        if (in.isNull()) {
            return own;
        }
        return own.selector() == in.selector() && own.hash() == in.hash() ? in : null;
    }

    /**
     * CryptSign with a non-NULL scheme: TPM_RC_SCHEME (unpositioned) when the scheme does not
     * belong to the key's type. The digest size was checked by the caller.
     */
    public Signature sign(KeyObject key, Scheme scheme, byte[] digest) throws TpmException {
        PreparedKeys keys = key.keys(suite);
        switch (key.type()) {
            case TpmAlgId.RSA: {
                RsaPrivateKey k = keys.rsaPrivate();
                if (scheme.selector() == TpmAlgId.RSASSA) {
                    return new Signature.Rsa(TpmAlgId.RSASSA, scheme.hash(), k.signPkcs1(scheme.hash(), digest));
                }
                if (scheme.selector() == TpmAlgId.RSAPSS) {
                    return new Signature.Rsa(TpmAlgId.RSAPSS, scheme.hash(), k.signPss(scheme.hash(), digest));
                }
                throw new TpmException(TpmRc.SCHEME);
            }
            case TpmAlgId.ECC: {
                if (scheme.selector() != TpmAlgId.ECDSA) {
                    throw new TpmException(TpmRc.SCHEME);
                }
                EcdsaSignature s = keys.eccPrivate().signEcdsa(digest);
                return new Signature.Ecdsa(scheme.hash(), s.r(), s.s());
            }
            case TpmAlgId.KEYEDHASH: {
                if (scheme.selector() != TpmAlgId.HMAC) {
                    throw new TpmException(TpmRc.SCHEME);
                }
                return new Signature.Hmac(scheme.hash(), suite.hmac(scheme.hash(), key.sensitive().sensitive(), digest));
            }
            default:
                throw new TpmException(TpmRc.SCHEME);
        }
    }

    /**
     * CryptValidateSignature, codes unpositioned: TPM_RC_SCHEME when the signature's algorithm
     * does not belong to the key's type; TPM_RC_SIGNATURE when it does not verify (for an HMAC key
     * with a scheme also when the signature's scheme or hash is not the key's); TPM_RC_HANDLE for an
     * HMAC key loaded without its sensitive part. RSAPSS signatures verify with any salt length.
     */
    public void verify(KeyObject key, byte[] digest, Signature signature) throws TpmException {
        switch (key.type()) {
            case TpmAlgId.RSA: {
                if (!(signature instanceof Signature.Rsa rsa)) {
                    throw new TpmException(TpmRc.SCHEME);
                }
                RsaPublicKey k;
                try {
                    k = key.keys(suite).rsaPublic();
                } catch (TpmException e) {
                    throw new TpmException(TpmRc.SIGNATURE);
                }
                if (rsa.sig().length != k.modulusBytes()) {
                    throw new TpmException(TpmRc.SIGNATURE);
                }
                boolean ok;
                try {
                    ok = rsa.sigAlg() == TpmAlgId.RSASSA ? k.verifyPkcs1(rsa.hash(), digest, rsa.sig())
                            : k.verifyPss(rsa.hash(), digest, rsa.sig(), RsaPublicKey.PSS_ANY_SALT);
                } catch (IllegalArgumentException e) {
                    ok = false;
                }
                if (!ok) {
                    throw new TpmException(TpmRc.SIGNATURE);
                }
                return;
            }
            case TpmAlgId.ECC: {
                if (!(signature instanceof Signature.Ecdsa ecdsa)) {
                    throw new TpmException(TpmRc.SCHEME);
                }
                boolean ok;
                try {
                    EccPublicKey k = key.keys(suite).eccPublic();
                    EcdsaSignature s = EcdsaSignature.of(ecdsa.r(), ecdsa.s());
                    ok = s.inRange(k.curve()) && k.verifyEcdsa(digest, s);
                } catch (InvalidPointException | IllegalArgumentException e) {
                    ok = false;
                }
                if (!ok) {
                    throw new TpmException(TpmRc.SIGNATURE);
                }
                return;
            }
            case TpmAlgId.KEYEDHASH: {
                if (key.publicOnly()) {
                    throw new TpmException(TpmRc.HANDLE);
                }
                if (!(signature instanceof Signature.Hmac hmac)) {
                    throw new TpmException(TpmRc.SCHEME);
                }
                Scheme own = keyScheme(key);
                if (!own.isNull() && (own.selector() != TpmAlgId.HMAC || own.hash() != hmac.hash())) {
                    throw new TpmException(TpmRc.SIGNATURE);
                }
                byte[] expected = suite.hmac(hmac.hash(), key.sensitive().sensitive(), digest);
                if (!MessageDigest.isEqual(expected, hmac.digest())) {
                    throw new TpmException(TpmRc.SIGNATURE);
                }
                return;
            }
            default:
                throw new TpmException(TpmRc.SCHEME);
        }
    }
}
