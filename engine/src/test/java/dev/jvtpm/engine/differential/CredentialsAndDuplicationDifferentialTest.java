package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.PreparedKeys;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.object.protect.DuplicationBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.protect.SecretLabel;
import dev.jvtpm.engine.object.protect.SecretSharing;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MakeCredential/ActivateCredential, Import of software keys, Rewrap, CreateLoaded and the
 * pre-authorization paths of Duplicate against swtpm 0.7.1. Each TPM uses its own storage parent
 * (the test reads its public area); blobs for Import are made by the test with jvtpm's
 * protected-storage classes, so swtpm accepting them also checks their format. Imported keys are
 * the same on both sides, so what they compute must be identical.
 */
class CredentialsAndDuplicationDifferentialTest extends DifferentialFixture {
    static final byte[] NONE = new byte[0];
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final SecureRandom RANDOM = new SecureRandom();

    /** A storage primary on both (same handle); returns each side's public area, swtpm's first. */
    private PublicArea[] storagePrimary(PublicArea template) throws Exception {
        Differential.Pair p = d.sameCode("CreatePrimary storage", ObjectCommands.createPrimary(TpmHandles.RH_OWNER, template));
        assertThat(DifferentialTestSupport.handle(p.subject())).isEqualTo(DifferentialTestSupport.handle(p.reference()));
        return new PublicArea[] {
            PublicArea.readSized(DifferentialTestSupport.params(p.reference(), true), false),
            PublicArea.readSized(DifferentialTestSupport.params(p.subject(), true), false)};
    }

    static PublicArea template(String kind) {
        return kind.equals("rsa")
                ? Templates.rsa(Templates.STORAGE | ObjectAttributes.NO_DA, 2048, Templates.AES128_CFB, Scheme.NULL)
                : Templates.ecc(Templates.STORAGE | ObjectAttributes.NO_DA, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecc", "rsa"})
    void credentials(String kind) throws Exception {
        storagePrimary(template(kind));
        int parent = 0x80000000;
        // An object to certify: an HMAC key created under the parent, loaded on each side.
        PublicArea hmacTemplate = Templates.keyedHash(Templates.SIGNING | ObjectAttributes.NO_DA, HashAlg.SHA256,
                new Scheme.Hmac(HashAlg.SHA256));
        Differential.Pair c = d.sameCode("Create", ObjectCommands.create(parent, NONE, hmacTemplate, NONE, NONE));
        int object = loadOwn("object", parent, c);
        byte[] credential = "a credential of 32 bytes length!".getBytes();
        Differential.Pair names = d.sameCode("ReadPublic", ObjectCommands.readPublic(object));
        byte[][][] errors = new byte[2][][];
        for (int side = 0; side < 2; side++) {
            TpmTarget t = side == 0 ? d.reference() : d.subject();
            byte[] rp = side == 0 ? names.reference() : names.subject();
            TpmReader r = DifferentialTestSupport.params(rp, false);
            PublicArea.readSized(r, false);
            byte[] name = r.tpm2b(68);
            byte[] made = t.send(ObjectCommands.makeCredential(parent, credential, name));
            TpmReader m = DifferentialTestSupport.params(made, false);
            byte[] blob = m.tpm2b(200);
            byte[] secret = m.tpm2b(400);
            byte[] act = t.send(ObjectCommands.activateCredential(object, parent, blob, secret));
            assertThat(DifferentialTestSupport.params(act, false).tpm2b(64)).as(t.name()).isEqualTo(credential);
            // The same mistakes must give the same codes on both TPMs, each with its own blob.
            errors[side] = sideErrors(t, object, parent, blob, secret);
        }
        for (int i = 0; i < errors[0].length; i++) {
            assertThat(java.util.HexFormat.of().formatHex(errors[1][i])).as("credential error " + i)
                    .isEqualTo(java.util.HexFormat.of().formatHex(errors[0][i]));
        }
        d.same("MakeCredential with a long credential", ObjectCommands.makeCredential(parent, new byte[33], new byte[34]));
        d.same("MakeCredential with an HMAC key", ObjectCommands.makeCredential(object, new byte[16], new byte[34]));
        d.same("ActivateCredential with an HMAC key", ObjectCommands.activateCredential(object, object, new byte[34], new byte[32]));
    }

    private byte[][] sideErrors(TpmTarget t, int object, int parent, byte[] blob, byte[] secret) throws Exception {
        byte[] badBlob = blob.clone();
        badBlob[badBlob.length - 1] ^= 1;
        byte[] badSecret = secret.clone();
        badSecret[badSecret.length - 1] ^= 1;
        return new byte[][] {
            t.send(ObjectCommands.activateCredential(object, parent, badBlob, secret)),
            t.send(ObjectCommands.activateCredential(object, parent, Arrays.copyOf(blob, 1), secret)),
            t.send(ObjectCommands.activateCredential(object, parent, blob, Arrays.copyOf(secret, secret.length - 1))),
            t.send(ObjectCommands.activateCredential(parent, parent, blob, secret)),
        };
    }

    /** Loads each side's own Create output; returns the handle (the same on both). */
    private int loadOwn(String what, int parent, Differential.Pair created) throws Exception {
        return loadOwn(what, parent, created, null);
    }

    /** Loads each side's own private blob with {@code pub}, or the public area that follows it. */
    private int loadOwn(String what, int parent, Differential.Pair created, PublicArea known) throws Exception {
        byte[][] rsp = {created.reference(), created.subject()};
        byte[][] loaded = new byte[2][];
        for (int i = 0; i < 2; i++) {
            TpmReader r = DifferentialTestSupport.params(rsp[i], false);
            byte[] priv = r.tpm2b(2000);
            PublicArea pub = known != null ? known : PublicArea.readSized(r, false);
            TpmTarget t = i == 0 ? d.reference() : d.subject();
            loaded[i] = t.send(ObjectCommands.load(parent, NONE, priv, ObjectCommands.publicSized(pub)));
        }
        assertThat(Arrays.copyOf(loaded[1], 14)).as(what + ": Load").isEqualTo(Arrays.copyOf(loaded[0], 14));
        return DifferentialTestSupport.handle(loaded[1]);
    }

    /** A software HMAC key wrapped for each TPM's parent, with and without inner/outer wraps. */
    @ParameterizedTest
    @ValueSource(strings = {"ecc", "rsa"})
    void importOfASoftwareKey(String kind) throws Exception {
        PublicArea[] parents = storagePrimary(template(kind));
        int parent = 0x80000000;
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        PublicArea pub = Templates.keyedHash(ObjectAttributes.SIGN | ObjectAttributes.USER_WITH_AUTH | ObjectAttributes.NO_DA,
                HashAlg.SHA256, new Scheme.Hmac(HashAlg.SHA256));
        pub = pub.withUnique(new PublicId.Digest(MessageDigest.getInstance("SHA-256").digest(concat(seed, key))));
        SensitiveArea sens = new SensitiveArea(TpmAlgId.KEYEDHASH, "k".getBytes(), seed, key);
        byte[] name = ObjectName.of(SUITE, pub);
        byte[] innerKey = new byte[16];
        RANDOM.nextBytes(innerKey);
        byte[] sym = new TpmWriter().u16(TpmAlgId.AES).u16(128).u16(TpmAlgId.CFB).toByteArray();
        byte[] noSym = new TpmWriter().u16(TpmAlgId.NULL).toByteArray();
        for (boolean inner : new boolean[] {true, false}) {
            byte[][] imported = new byte[2][];
            for (int side = 0; side < 2; side++) {
                PublicArea parentPublic = parents[side];
                SecretSharing.Shared shared = new SecretSharing(SUITE).encrypt(new PreparedKeys(SUITE, parentPublic, null),
                        SecretLabel.DUPLICATE, RANDOM::nextBytes);
                byte[] blob = new DuplicationBlob(SUITE).wrap(Protector.ofSeed(shared.seed(), parentPublic), name,
                        HashAlg.SHA256, sens, inner ? innerKey : null);
                TpmTarget t = side == 0 ? d.reference() : d.subject();
                byte[] ek = inner ? innerKey : NONE;
                byte[] s = inner ? sym : noSym;
                byte[] ok = t.send(ObjectCommands.importObject(parent, NONE, ek, ObjectCommands.publicSized(pub), blob,
                        shared.encryptedSecret(), s));
                imported[side] = ok;
                assertThat(Differential.Pair.rc(ok)).as(t.name() + " import, inner " + inner).isZero();
                // Errors, each with its own blob: the same codes expected.
                byte[] badBlob = blob.clone();
                badBlob[badBlob.length - 1] ^= 1;
                byte[] badSecret = shared.encryptedSecret().clone();
                badSecret[badSecret.length / 2] ^= 1;
                byte[][] errors = {
                    t.send(ObjectCommands.importObject(parent, NONE, ek, ObjectCommands.publicSized(pub), badBlob,
                            shared.encryptedSecret(), s)),
                    t.send(ObjectCommands.importObject(parent, NONE, ek, ObjectCommands.publicSized(pub), blob, badSecret, s)),
                    t.send(ObjectCommands.importObject(parent, NONE, ek, ObjectCommands.publicSized(pub), blob, NONE, s)),
                    t.send(ObjectCommands.importObject(parent, NONE, inner ? NONE : innerKey, ObjectCommands.publicSized(pub),
                            blob, shared.encryptedSecret(), s)),
                    t.send(ObjectCommands.importObject(parent, NONE, ek, ObjectCommands.publicSized(
                            Templates.withAttributes(pub, pub.attributes() | ObjectAttributes.FIXED_PARENT)), blob,
                            shared.encryptedSecret(), s)),
                    t.send(ObjectCommands.importObject(parent, NONE, ek, ObjectCommands.publicSized(
                            Templates.withAttributes(pub, pub.attributes() | ObjectAttributes.ENCRYPTED_DUPLICATION)), blob,
                            shared.encryptedSecret(), s)),
                };
                if (side == 0) {
                    refErrors = errors;
                } else {
                    for (int i = 0; i < errors.length; i++) {
                        assertThat(java.util.HexFormat.of().formatHex(errors[i])).as("Import error " + i + ", inner " + inner)
                                .isEqualTo(java.util.HexFormat.of().formatHex(refErrors[i]));
                    }
                }
            }
            int loaded = loadOwn("imported", parent, new Differential.Pair(imported[0], imported[1]), pub);
            d.same("HMAC with the imported key", ObjectCommands.hmac(loaded, "k".getBytes(), "data".getBytes(), TpmAlgId.SHA256));
            d.same("flush", Commands.flushContext(loaded));
        }
        // Rewrap from TPM_RH_NULL (an unwrapped blob) to the parent, then Import of the result.
        byte[] plain = new DuplicationBlob(SUITE).wrap(null, name, HashAlg.SHA256, sens, null);
        Differential.Pair rewrapped = d.sameCode("Rewrap NULL -> parent", ObjectCommands.rewrap(TpmHandles.RH_NULL, parent, plain, name, NONE));
        byte[][] imported = new byte[2][];
        for (int side = 0; side < 2; side++) {
            TpmReader r = DifferentialTestSupport.params(side == 0 ? rewrapped.reference() : rewrapped.subject(), false);
            byte[] dup = r.tpm2b(2000);
            byte[] symSeed = r.tpm2b(400);
            TpmTarget t = side == 0 ? d.reference() : d.subject();
            imported[side] = t.send(ObjectCommands.importObject(parent, NONE, NONE, ObjectCommands.publicSized(pub), dup, symSeed,
                    noSym));
        }
        int loaded = loadOwn("rewrapped", parent, new Differential.Pair(imported[0], imported[1]), pub);
        d.same("HMAC with the rewrapped key", ObjectCommands.hmac(loaded, "k".getBytes(), "data".getBytes(), TpmAlgId.SHA256));
        d.sameCode("Import of an unwrapped blob", ObjectCommands.importObject(parent, NONE, NONE, ObjectCommands.publicSized(pub), plain,
                NONE, noSym));
        d.same("Rewrap NULL -> NULL", ObjectCommands.rewrap(TpmHandles.RH_NULL, TpmHandles.RH_NULL, plain, name, NONE));
        d.same("Rewrap with a seed from NULL", ObjectCommands.rewrap(TpmHandles.RH_NULL, parent, plain, name, new byte[32]));
        d.same("Rewrap without a seed from a parent", ObjectCommands.rewrap(parent, parent, plain, name, NONE));
        d.same("Rewrap with a bad seed", ObjectCommands.rewrap(parent, parent, plain, name, new byte[10]));
        d.same("Rewrap to an HMAC key", ObjectCommands.rewrap(TpmHandles.RH_NULL, loaded, plain, name, NONE));
        d.same("Duplicate with a password (DUP needs a policy)", ObjectCommands.duplicate(loaded, parent, NONE,
                new TpmWriter().u16(TpmAlgId.NULL).toByteArray()));
        d.same("Duplicate bad symmetric", ObjectCommands.duplicate(loaded, parent, NONE,
                new TpmWriter().u16(TpmAlgId.AES).u16(100).u16(TpmAlgId.CFB).toByteArray()));
        d.same("Import under an HMAC key", ObjectCommands.importObject(loaded, "k".getBytes(), NONE, ObjectCommands.publicSized(pub),
                plain, NONE, noSym));
    }

    private byte[][] refErrors;

    static byte[] concat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecc"})
    void createLoaded(String kind) throws Exception {
        byte[] template = Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, Scheme.NULL).toBytes();
        Differential.Pair p = d.sameCode("CreateLoaded primary", ObjectCommands.createLoaded(TpmHandles.RH_OWNER, NONE, NONE, NONE,
                template));
        assertThat(DifferentialTestSupport.handle(p.subject())).isEqualTo(DifferentialTestSupport.handle(p.reference()));
        storagePrimary(template(kind));
        int parent = 0x80000001;
        d.sameCode("CreateLoaded child", ObjectCommands.createLoaded(parent, NONE, NONE, NONE, template));
        d.same("CreateLoaded with every slot taken", ObjectCommands.createLoaded(parent, NONE, NONE, NONE, template));
        d.same("flush", Commands.flushContext(0x80000000));
        d.same("CreateLoaded under a signing key", ObjectCommands.createLoaded(0x80000002, NONE, NONE, NONE, template));
        d.same("CreateLoaded, template with a byte too many", ObjectCommands.createLoaded(parent, NONE, NONE, NONE,
                concat(template, new byte[1])));
        d.same("CreateLoaded, template cut short", ObjectCommands.createLoaded(parent, NONE, NONE, NONE,
                Arrays.copyOf(template, template.length - 3)));
        d.same("CreateLoaded, empty template", ObjectCommands.createLoaded(parent, NONE, NONE, NONE, NONE));
        d.same("CreateLoaded, long userAuth", ObjectCommands.createLoaded(parent, NONE, "0123456789abcdef0123456789abcdefX".getBytes(),
                NONE, template));
        d.same("CreateLoaded, data with sensitiveDataOrigin", ObjectCommands.createLoaded(parent, NONE, NONE, "data".getBytes(),
                template));
        d.same("flush", Commands.flushContext(0x80000002));
        // A derivation parent (a restricted decrypt KEYEDHASH with KDF1_SP800_108) is created alike,
        // but jvtpm does not derive objects: CreateLoaded under it is TPM_RC_TYPE at handle 1, where
        // swtpm goes on to derive (here refusing sensitiveDataOrigin in a derived template).
        PublicArea derivation = Templates.keyedHash(0x00030040, HashAlg.SHA256,
                new Scheme.Xor(HashAlg.SHA256, TpmAlgId.KDF1_SP800_108));
        Differential.Pair dp = d.sameCode("derivation parent", ObjectCommands.create(parent, NONE, derivation, NONE,
                "parent key bits".getBytes()));
        assertThat(dp.subjectRc()).isZero();
        int dparent = loadOwn("derivation parent", parent, dp);
        Differential.Pair derived = d.both(ObjectCommands.createLoaded(dparent, NONE, NONE, NONE, template));
        assertThat(derived.subjectRc()).isEqualTo(0x18A);
        assertThat(derived.referenceRc()).isEqualTo(0x082);
    }
}
