package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.util.HexFormat;

/** The DER DigestInfo that RSASSA-PKCS1-v1_5 signs (RFC 8017 §9.2, note 1 lists these prefixes). */
public final class Pkcs1DigestInfo {
    private Pkcs1DigestInfo() {}

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SHA1 = HEX.parseHex("3021300906052b0e03021a05000414");
    private static final byte[] SHA256 = HEX.parseHex("3031300d060960864801650304020105000420");
    private static final byte[] SHA384 = HEX.parseHex("3041300d060960864801650304020205000430");
    private static final byte[] SHA512 = HEX.parseHex("3051300d060960864801650304020305000440");

    /** DigestInfo(hash OID, NULL parameters, digest). */
    public static byte[] encode(HashAlg hash, byte[] digest) {
        RsaInputs.requireDigest(hash, digest);
        byte[] prefix = prefix(hash);
        byte[] out = new byte[prefix.length + digest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(digest, 0, out, prefix.length, digest.length);
        return out;
    }

    private static byte[] prefix(HashAlg hash) {
        switch (hash) {
            case SHA1: return SHA1;
            case SHA256: return SHA256;
            case SHA384: return SHA384;
            case SHA512: return SHA512;
            default: throw new IllegalArgumentException(hash.name());
        }
    }
}
