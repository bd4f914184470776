package dev.jvtpm.engine.crypto.kat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jvtpm.engine.types.HashAlg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the trimmed Wycheproof files under {@code kat/wycheproof/} (source and licence in each
 * file's {@code jvtpmSource} and in the README there).
 */
public final class Wycheproof {
    private Wycheproof() {}

    /** One test case with the group it belongs to. */
    public record Case(JsonNode group, JsonNode test) {
        public int id() {
            return test.get("tcId").asInt();
        }

        public String result() {
            return test.get("result").asText();
        }

        public boolean valid() {
            return "valid".equals(result());
        }

        public boolean invalid() {
            return "invalid".equals(result());
        }

        public boolean hasFlag(String flag) {
            for (JsonNode f : test.get("flags")) {
                if (f.asText().equals(flag)) {
                    return true;
                }
            }
            return false;
        }

        public byte[] bytes(String field) {
            return hex(test.get(field).asText());
        }

        public String describe() {
            return "tcId " + id() + " (" + result() + ", " + test.get("comment").asText() + ", " + test.get("flags") + ")";
        }
    }

    public static List<Case> cases(String file) {
        JsonNode root = load(file);
        List<Case> out = new ArrayList<>();
        for (JsonNode g : root.get("testGroups")) {
            for (JsonNode t : g.get("tests")) {
                out.add(new Case(g, t));
            }
        }
        if (out.size() != root.get("numberOfTests").asInt()) {
            throw new IllegalStateException(file + ": numberOfTests disagrees with the cases present");
        }
        return out;
    }

    static JsonNode load(String file) {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/kat/wycheproof/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + file);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    public static BigInteger integer(JsonNode n) {
        return new BigInteger(1, hex(n.asText()));
    }

    /** Wycheproof's "SHA-256" etc. */
    public static HashAlg hash(String name) {
        for (HashAlg h : HashAlg.values()) {
            if (h.jcaName().equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("hash " + name);
    }

    /** The message digest the vector's signer used; computed with the JDK, outside every provider under test. */
    public static byte[] digest(HashAlg h, byte[] msg) {
        try {
            return java.security.MessageDigest.getInstance(h.jcaName()).digest(msg);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
