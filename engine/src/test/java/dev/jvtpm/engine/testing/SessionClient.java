package dev.jvtpm.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TSS session engine in miniature, for tests: starts sessions, computes command HMACs and
 * parameter encryption, checks response HMACs and decrypts responses, all from the Part 1 formulas
 * with JCA primitives (none of jvtpm's code), so whichever TPM it talks to - jvtpm or swtpm - is
 * checked against the specification rather than against itself.
 */
public final class SessionClient {
    /** Sends one command, returns the one response. */
    public interface Transport {
        byte[] send(byte[] command) throws IOException;
    }

    public static final int CONTINUE = 0x01;
    public static final int AUDIT_EXCLUSIVE = 0x02;
    public static final int AUDIT_RESET = 0x04;
    public static final int DECRYPT = 0x20;
    public static final int ENCRYPT = 0x40;
    public static final int AUDIT = 0x80;

    public static final int ALG_SHA1 = 0x0004;
    public static final int ALG_AES = 0x0006;
    public static final int ALG_XOR = 0x000A;
    public static final int ALG_SHA256 = 0x000B;
    public static final int ALG_SHA384 = 0x000C;
    public static final int ALG_SHA512 = 0x000D;
    public static final int ALG_NULL = 0x0010;
    public static final int ALG_CFB = 0x0043;
    public static final int RH_NULL = 0x40000007;
    public static final int RS_PW = 0x40000009;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transport transport;

    public SessionClient(Transport transport) {
        this.transport = transport;
    }

    /** What the client knows about one session of one TPM. */
    public static final class Session {
        public final int handle;
        public final int hashAlg;
        public final byte[] sessionKey;
        public final int symAlg;
        public final int symBits;
        public final boolean policy;
        /** Name ‖ authValue of the bind entity (HMAC sessions), null when unbound. */
        byte[] boundName;
        byte[] boundAuth;
        public byte[] nonceTPM;
        /** The client's view of the policy: PolicyAuthValue / PolicyPassword were run. */
        public boolean authValueNeeded;
        public boolean passwordNeeded;
        public boolean closed;

        /** Starting an audit unbinds a session (its bind value and audit digest share storage). */
        public void unbind() {
            boundName = null;
            boundAuth = null;
        }

        Session(int handle, int hashAlg, byte[] sessionKey, int symAlg, int symBits, boolean policy,
                byte[] boundName, byte[] boundAuth, byte[] nonceTPM) {
            this.handle = handle;
            this.hashAlg = hashAlg;
            this.sessionKey = sessionKey;
            this.symAlg = symAlg;
            this.symBits = symBits;
            this.policy = policy;
            this.boundName = boundName;
            this.boundAuth = boundAuth;
            this.nonceTPM = nonceTPM;
        }
    }

    /** StartAuthSession parameters; defaults: unbound, unsalted HMAC session, SHA-256, no cipher. */
    public static final class Start {
        int tpmKey = RH_NULL;
        int bind = RH_NULL;
        byte[] bindName;
        byte[] bindAuth = new byte[0];
        byte[] salt = new byte[0];
        byte[] encryptedSalt = new byte[0];
        int type;
        int symAlg = ALG_NULL;
        int symBits;
        int hashAlg = ALG_SHA256;
        byte[] nonceCaller;

        public static Start hmac() {
            return new Start();
        }

        public static Start policy() {
            Start s = new Start();
            s.type = 1;
            return s;
        }

        public static Start trial() {
            Start s = new Start();
            s.type = 3;
            return s;
        }

        public Start hash(int alg) {
            this.hashAlg = alg;
            return this;
        }

        public Start aes(int bits) {
            this.symAlg = ALG_AES;
            this.symBits = bits;
            return this;
        }

        /** XOR parameter encryption with the given hash in TPMT_SYM_DEF. */
        public Start xor(int hash) {
            this.symAlg = ALG_XOR;
            this.symBits = hash;
            return this;
        }

        /** Bound to {@code handle} whose Name is {@code name} and authValue {@code auth}. */
        public Start bind(int handle, byte[] name, byte[] auth) {
            this.bind = handle;
            this.bindName = name;
            this.bindAuth = auth;
            return this;
        }

        /** Bound to a permanent or PCR handle (Name = handle). */
        public Start bind(int handle, byte[] auth) {
            return bind(handle, handleName(handle), auth);
        }

        /** Salted with {@code salt}, sent as {@code encryptedSalt} for {@code tpmKey}. */
        public Start salt(int tpmKey, byte[] salt, byte[] encryptedSalt) {
            this.tpmKey = tpmKey;
            this.salt = salt;
            this.encryptedSalt = encryptedSalt;
            return this;
        }

        public Start nonce(byte[] nonceCaller) {
            this.nonceCaller = nonceCaller;
            return this;
        }
    }

    /** StartAuthSession; the session, with the key the client derived. Fails the test on an error. */
    public Session start(Start p) {
        Started s = tryStart(p);
        if (s.rc != 0) {
            throw new AssertionError(String.format("StartAuthSession failed: 0x%03X", s.rc));
        }
        return s.session;
    }

    public record Started(int rc, Session session) {}

    public Started tryStart(Start p) {
        byte[] nonceCaller = p.nonceCaller != null ? p.nonceCaller : random(digestSize(p.hashAlg));
        ByteBuffer b = ByteBuffer.allocate(1024);
        b.putShort((short) 0x8001).putInt(0).putInt(0x176).putInt(p.tpmKey).putInt(p.bind);
        put2b(b, nonceCaller);
        put2b(b, p.encryptedSalt);
        b.put((byte) p.type);
        b.putShort((short) p.symAlg);
        if (p.symAlg == ALG_XOR) {
            b.putShort((short) p.symBits);
        } else if (p.symAlg != ALG_NULL) {
            b.putShort((short) p.symBits).putShort((short) ALG_CFB);
        }
        b.putShort((short) p.hashAlg);
        byte[] cmd = finish(b);
        ByteBuffer r = ByteBuffer.wrap(send(cmd));
        r.getShort();
        r.getInt();
        int rc = r.getInt();
        if (rc != 0) {
            return new Started(rc, null);
        }
        int handle = r.getInt();
        byte[] nonceTPM = get2b(r);
        byte[] sessionKey = new byte[0];
        byte[] bindAuth = strip(p.bindAuth);
        if (p.bind != RH_NULL || p.salt.length != 0) {
            sessionKey = kdfa(p.hashAlg, concat(bindAuth, p.salt), "ATH", nonceTPM, nonceCaller,
                    digestSize(p.hashAlg) * 8);
        }
        boolean bound = p.type == 0 && p.bind != RH_NULL;
        Session s = new Session(handle, p.hashAlg, sessionKey, p.symAlg, p.symBits, p.type != 0,
                bound ? (p.bindName != null ? p.bindName : handleName(p.bind)) : null, bound ? bindAuth : null,
                nonceTPM);
        return new Started(0, s);
    }

    /** One entry of a command's authorization area. */
    public static final class Auth {
        final Session session;
        final int attributes;
        /** The entity this session authorizes: its Name and authValue; null name when none. */
        byte[] entityName;
        byte[] entityAuth = new byte[0];
        /** authValue for the response (when the command changes it), defaults to entityAuth. */
        byte[] responseAuth;
        byte[] hmacOverride;
        byte[] nonceOverride;
        boolean alwaysHmac;
        byte[] nonceCaller;

        private Auth(Session session, int attributes) {
            this.session = session;
            this.attributes = attributes;
        }

        /** A password session (TPM_RS_PW). */
        public static Auth password(byte[] password) {
            Auth a = new Auth(null, 0);
            a.hmacOverride = password;
            return a;
        }

        /** An HMAC or policy session that authorizes the entity {@code name} with {@code auth}. */
        public static Auth of(Session s, int attributes, byte[] name, byte[] auth) {
            Auth a = new Auth(s, attributes);
            a.entityName = name;
            a.entityAuth = auth;
            return a;
        }

        /** A session that authorizes a permanent or PCR handle. */
        public static Auth of(Session s, int attributes, int handle, byte[] auth) {
            return of(s, attributes, handleName(handle), auth);
        }

        /** A session used only for encryption or audit. */
        public static Auth extra(Session s, int attributes) {
            return new Auth(s, attributes);
        }

        public Auth hmac(byte[] hmac) {
            this.hmacOverride = hmac;
            return this;
        }

        /** Computes an HMAC even when the key is empty (the TPM must accept that too). */
        public Auth alwaysHmac() {
            this.alwaysHmac = true;
            return this;
        }

        /** Sends this nonceCaller instead of a fresh one. */
        public Auth nonce(byte[] nonceCaller) {
            this.nonceOverride = nonceCaller;
            return this;
        }

        /** The entity's authValue after the command (HierarchyChangeAuth). */
        public Auth responseAuth(byte[] auth) {
            this.responseAuth = auth;
            return this;
        }

        boolean authorizes() {
            return entityName != null;
        }

        boolean includeAuth() {
            if (!authorizes()) {
                return false;
            }
            if (session.policy) {
                return session.authValueNeeded || session.passwordNeeded;
            }
            return !(session.boundName != null && Arrays.equals(session.boundName, entityName)
                    && Arrays.equals(session.boundAuth, strip(entityAuth)));
        }
    }

    /** A command: code, handles with their Names, authorizations, parameters. */
    public static final class Call {
        final int cc;
        final List<Integer> handles = new ArrayList<>();
        final List<byte[]> names = new ArrayList<>();
        final List<Auth> auths = new ArrayList<>();
        byte[] params = new byte[0];
        int responseHandles;

        public Call(int cc) {
            this.cc = cc;
        }

        public Call handle(int handle, byte[] name) {
            handles.add(handle);
            names.add(name);
            return this;
        }

        public Call handle(int handle) {
            return handle(handle, handleName(handle));
        }

        public Call auth(Auth a) {
            auths.add(a);
            return this;
        }

        public Call params(byte[] params) {
            this.params = params;
            return this;
        }

        /** The parameters as given (before any encryption). */
        public byte[] parameters() {
            return params.clone();
        }

        public Call responseHandles(int n) {
            this.responseHandles = n;
            return this;
        }
    }

    /**
     * The outcome: response code, response handles, the response parameters as sent (encrypted)
     * and decrypted, the response attributes, and the cpHash / rpHash the client computed.
     */
    public record Result(int rc, int[] handles, byte[] rawParameters, byte[] parameters, int[] attributes,
                         byte[] command, byte[] response) {
        public ByteBuffer reader() {
            return ByteBuffer.wrap(parameters);
        }
    }

    /** Sends {@code c}; on success checks every response HMAC (AssertionError when one is wrong). */
    public Result call(Call c) {
        int decrypt = -1;
        int encrypt = -1;
        for (int i = 0; i < c.auths.size(); i++) {
            Auth a = c.auths.get(i);
            a.nonceCaller = a.session == null ? new byte[0]
                    : a.nonceOverride != null ? a.nonceOverride : random(digestSize(a.session.hashAlg));
            if ((a.attributes & DECRYPT) != 0 && decrypt < 0) {
                decrypt = i;
            }
            if ((a.attributes & ENCRYPT) != 0 && encrypt < 0) {
                encrypt = i;
            }
        }
        byte[] params = c.params.clone();
        if (decrypt >= 0 && params.length >= 2) {
            Auth a = c.auths.get(decrypt);
            int size = ((params[0] & 0xFF) << 8) | (params[1] & 0xFF);
            cipher(a.session, a.authorizes() ? strip(a.entityAuth) : new byte[0], a.nonceCaller, a.session.nonceTPM,
                    true, params, 2, Math.min(size, params.length - 2));
        }
        ByteBuffer b = ByteBuffer.allocate(8192);
        boolean sessions = !c.auths.isEmpty();
        b.putShort((short) (sessions ? 0x8002 : 0x8001)).putInt(0).putInt(c.cc);
        for (int h : c.handles) {
            b.putInt(h);
        }
        byte[][] sentHmacs = new byte[c.auths.size()][];
        if (sessions) {
            int sizeAt = b.position();
            b.putInt(0);
            for (int i = 0; i < c.auths.size(); i++) {
                Auth a = c.auths.get(i);
                byte[] hmac;
                if (a.hmacOverride != null) {
                    hmac = a.hmacOverride;
                } else if (a.session.policy && a.session.passwordNeeded) {
                    hmac = a.entityAuth;
                } else {
                    hmac = commandHmac(c, i, decrypt, encrypt, params);
                }
                sentHmacs[i] = hmac;
                b.putInt(a.session == null ? RS_PW : a.session.handle);
                put2b(b, a.nonceCaller);
                b.put((byte) a.attributes);
                put2b(b, hmac);
            }
            b.putInt(sizeAt, b.position() - sizeAt - 4);
        }
        b.put(params);
        byte[] cmd = finish(b);
        byte[] rsp = send(cmd);
        ByteBuffer r = ByteBuffer.wrap(rsp);
        r.getShort();
        r.getInt();
        int rc = r.getInt();
        if (rc != 0) {
            return new Result(rc, new int[0], new byte[0], new byte[0], new int[0], cmd, rsp);
        }
        int[] handles = new int[c.responseHandles];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = r.getInt();
        }
        byte[] raw;
        if (sessions) {
            raw = new byte[r.getInt()];
        } else {
            raw = new byte[r.remaining()];
        }
        r.get(raw);
        int[] attrs = new int[c.auths.size()];
        byte[] rpHashInput = ByteBuffer.allocate(8 + raw.length).putInt(0).putInt(c.cc).put(raw).array();
        for (int i = 0; i < c.auths.size(); i++) {
            Auth a = c.auths.get(i);
            byte[] nonceTPM = get2b(r);
            attrs[i] = r.get() & 0xFF;
            byte[] hmac = get2b(r);
            if (a.session == null) {
                if (nonceTPM.length != 0 || hmac.length != 0 || (attrs[i] & CONTINUE) == 0) {
                    throw new AssertionError("password session reply is not empty with continueSession");
                }
                continue;
            }
            Session s = a.session;
            s.nonceTPM = nonceTPM;
            byte[] expected;
            byte[] auth = a.responseAuth != null ? a.responseAuth : a.entityAuth;
            if (s.policy && s.passwordNeeded && a.authorizes()) {
                expected = new byte[0];
            } else {
                byte[] key = a.includeAuth() ? concat(s.sessionKey, strip(auth)) : s.sessionKey;
                if (key.length == 0 && sentHmacs[i].length == 0) {
                    expected = new byte[0];
                } else {
                    byte[] rpHash = hash(s.hashAlg, rpHashInput);
                    expected = hmac(s.hashAlg, key, rpHash, nonceTPM, a.nonceCaller, new byte[] {(byte) attrs[i]});
                }
            }
            if (!Arrays.equals(expected, hmac)) {
                throw new AssertionError("response HMAC of session " + (i + 1) + " is wrong: "
                        + HexFormat.of().formatHex(hmac) + " expected " + HexFormat.of().formatHex(expected));
            }
            if ((a.attributes & CONTINUE) == 0) {
                s.closed = true;
            }
            if (s.policy && (a.attributes & CONTINUE) != 0) {
                s.authValueNeeded = false;
                s.passwordNeeded = false;
            }
        }
        byte[] plain = raw.clone();
        if (encrypt >= 0 && plain.length >= 2) {
            Auth a = c.auths.get(encrypt);
            byte[] auth = a.responseAuth != null ? a.responseAuth : a.entityAuth;
            int size = ((plain[0] & 0xFF) << 8) | (plain[1] & 0xFF);
            cipher(a.session, a.authorizes() ? strip(auth) : new byte[0], a.session.nonceTPM, a.nonceCaller,
                    false, plain, 2, Math.min(size, plain.length - 2));
        }
        return new Result(rc, handles, raw, plain, attrs, cmd, rsp);
    }

    /** cpHash of {@code c} with {@code params} (as they go on the wire). */
    public static byte[] cpHash(int hashAlg, Call c, byte[] params) {
        ByteBuffer b = ByteBuffer.allocate(8192);
        b.putInt(c.cc);
        for (byte[] n : c.names) {
            b.put(n);
        }
        b.put(params);
        return hash(hashAlg, Arrays.copyOf(b.array(), b.position()));
    }

    private byte[] commandHmac(Call c, int i, int decrypt, int encrypt, byte[] params) {
        Auth a = c.auths.get(i);
        Session s = a.session;
        byte[] key = a.includeAuth() ? concat(s.sessionKey, strip(a.entityAuth)) : s.sessionKey;
        if (key.length == 0 && !a.alwaysHmac) {
            return new byte[0];
        }
        byte[] extra = new byte[0];
        if (i == 0 && a.authorizes()) {
            if (decrypt > 0) {
                extra = concat(extra, c.auths.get(decrypt).session.nonceTPM);
            }
            if (encrypt > 0 && encrypt != decrypt) {
                extra = concat(extra, c.auths.get(encrypt).session.nonceTPM);
            }
        }
        return hmac(s.hashAlg, key, cpHash(s.hashAlg, c, params), a.nonceCaller, s.nonceTPM, extra,
                new byte[] {(byte) a.attributes});
    }

    /** XOR or AES-CFB parameter encryption (Part 1 §21.2, §21.3) in place. */
    private static void cipher(Session s, byte[] auth, byte[] newer, byte[] older, boolean encrypt,
                               byte[] buf, int off, int len) {
        if (s.symAlg == ALG_NULL) {
            // Sent in the clear: the TPM is expected to refuse the attribute.
            return;
        }
        byte[] key = concat(s.sessionKey, auth);
        if (s.symAlg == ALG_XOR) {
            byte[] mask = kdfa(s.hashAlg, key, "XOR", newer, older, len * 8);
            for (int i = 0; i < len; i++) {
                buf[off + i] ^= mask[i];
            }
            return;
        }
        int keyBytes = s.symBits / 8;
        byte[] kdf = kdfa(s.hashAlg, key, "CFB", newer, older, s.symBits + 128);
        try {
            Cipher aes = Cipher.getInstance("AES/CFB/NoPadding");
            aes.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                    new SecretKeySpec(kdf, 0, keyBytes, "AES"), new IvParameterSpec(kdf, keyBytes, 16));
            byte[] out = aes.doFinal(buf, off, len);
            System.arraycopy(out, 0, buf, off, len);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] send(byte[] cmd) {
        try {
            return transport.send(cmd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- formulas (Part 1 §11.4) with JCA ----

    public static String jcaHash(int alg) {
        switch (alg) {
            case ALG_SHA1: return "SHA-1";
            case ALG_SHA256: return "SHA-256";
            case ALG_SHA384: return "SHA-384";
            case ALG_SHA512: return "SHA-512";
            default: throw new IllegalArgumentException("hash " + alg);
        }
    }

    public static int digestSize(int alg) {
        switch (alg) {
            case ALG_SHA1: return 20;
            case ALG_SHA256: return 32;
            case ALG_SHA384: return 48;
            default: return 64;
        }
    }

    public static byte[] hash(int alg, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaHash(alg));
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] hmac(int alg, byte[] key, byte[]... parts) {
        try {
            String name = "Hmac" + jcaHash(alg).replace("-", "");
            Mac mac = Mac.getInstance(name);
            // JCA refuses an empty key; HMAC zero-pads keys to a block, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** KDFa (SP 800-108 counter mode with HMAC). */
    public static byte[] kdfa(int alg, byte[] key, String label, byte[] u, byte[] v, int bits) {
        byte[] out = new byte[(bits + 7) / 8];
        byte[] l = concat(label.getBytes(StandardCharsets.US_ASCII), new byte[1]);
        int off = 0;
        for (int i = 1; off < out.length; i++) {
            byte[] block = hmac(alg, key, ByteBuffer.allocate(4).putInt(i).array(), l, u, v,
                    ByteBuffer.allocate(4).putInt(bits).array());
            int n = Math.min(block.length, out.length - off);
            System.arraycopy(block, 0, out, off, n);
            off += n;
        }
        return out;
    }

    public static byte[] handleName(int handle) {
        return ByteBuffer.allocate(4).putInt(handle).array();
    }

    public static byte[] strip(byte[] v) {
        int n = v.length;
        while (n > 0 && v[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(v, n);
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static void put2b(ByteBuffer b, byte[] v) {
        b.putShort((short) v.length).put(v);
    }

    public static byte[] get2b(ByteBuffer b) {
        byte[] v = new byte[b.getShort() & 0xFFFF];
        b.get(v);
        return v;
    }

    private static byte[] finish(ByteBuffer b) {
        b.putInt(2, b.position());
        return Arrays.copyOf(b.array(), b.position());
    }

    /** A TPM2B parameter. */
    public static byte[] tpm2b(byte[] v) {
        return ByteBuffer.allocate(2 + v.length).putShort((short) v.length).put(v).array();
    }
}
