package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;

final class BcDigests implements DigestFamily {
    static Digest digest(HashAlg alg) {
        switch (alg) {
            case SHA1: return new SHA1Digest();
            case SHA256: return new SHA256Digest();
            case SHA384: return new SHA384Digest();
            case SHA512: return new SHA512Digest();
            default: throw new IllegalArgumentException(alg.name());
        }
    }

    /** id-sha1 (OIW); bcprov no longer carries the OIW identifier table. */
    private static final ASN1ObjectIdentifier SHA1_OID = new ASN1ObjectIdentifier("1.3.14.3.2.26");

    /** The hash's OID, for DigestInfo. */
    static ASN1ObjectIdentifier oid(HashAlg alg) {
        switch (alg) {
            case SHA1: return SHA1_OID;
            case SHA256: return NISTObjectIdentifiers.id_sha256;
            case SHA384: return NISTObjectIdentifiers.id_sha384;
            case SHA512: return NISTObjectIdentifiers.id_sha512;
            default: throw new IllegalArgumentException(alg.name());
        }
    }

    @Override
    public Hasher hasher(HashAlg alg) {
        return new DigestHasher(digest(alg));
    }

    @Override
    public Hasher hmac(HashAlg alg, byte[] key) {
        HMac mac = new HMac(digest(alg));
        mac.init(new KeyParameter(key));
        // copy() re-keys from this array, so it must not see later changes the caller makes to its own
        return new HmacHasher(mac, alg, key.clone());
    }

    private static final class DigestHasher implements Hasher {
        private final Digest d;

        DigestHasher(Digest d) {
            this.d = d;
        }

        @Override
        public Hasher update(byte[] data, int off, int len) {
            d.update(data, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return out;
        }

        @Override
        public Hasher copy() {
            return new DigestHasher((Digest) ((Memoable) d).copy());
        }
    }

    private static final class HmacHasher implements Hasher {
        private final HMac mac;
        private final HashAlg alg;
        private final byte[] key;
        private final java.io.ByteArrayOutputStream fed = new java.io.ByteArrayOutputStream();

        HmacHasher(HMac mac, HashAlg alg, byte[] key) {
            this.mac = mac;
            this.alg = alg;
            this.key = key;
        }

        @Override
        public Hasher update(byte[] data, int off, int len) {
            mac.update(data, off, len);
            fed.write(data, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }

        /** BC's HMac is not Memoable; a copy replays what was fed (HMAC sequences are short-lived). */
        @Override
        public Hasher copy() {
            HMac m = new HMac(BcDigests.digest(alg));
            m.init(new KeyParameter(key));
            HmacHasher c = new HmacHasher(m, alg, key);
            byte[] so = fed.toByteArray();
            c.update(so, 0, so.length);
            return c;
        }
    }
}
