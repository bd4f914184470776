package dev.jvtpm.engine.command.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.ticket.CreationTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmRc;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Part 3 §12 and §24.1 behaviour: Names and qualified names (Part 1 §16), creation data and
 * tickets, sealed data, changing an object's authValue, and where primaries come from.
 */
class ObjectCommandsTest {
    static final byte[] NONE = new byte[0];
    static final PublicArea STORAGE = Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL);
    static final PublicArea SEALED = Templates.keyedHash(0x00000052, HashAlg.SHA256, Scheme.NULL);

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    static byte[] prefixed(byte[] digest) {
        byte[] out = new byte[digest.length + 2];
        out[1] = 0x0B;
        System.arraycopy(digest, 0, out, 2, digest.length);
        return out;
    }

    @Test
    void namesAndQualifiedNamesFollowPart1() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        ObjectDriver.Primary parent = o.createPrimary(TpmHandles.RH_OWNER, STORAGE);
        byte[] name = prefixed(sha256(parent.publicArea().toBytes()));
        assertThat(parent.name()).isEqualTo(name);
        ObjectDriver.Public rp = o.readPublic(parent.handle());
        assertThat(rp.name()).isEqualTo(name);
        assertThat(rp.qualifiedName()).isEqualTo(prefixed(sha256(new byte[] {0x40, 0, 0, 1}, name)));
        ObjectDriver.Created child = o.create(parent.handle(), NONE, SEALED, "pw".getBytes(), "secret".getBytes());
        int h = o.load(parent.handle(), NONE, child);
        ObjectDriver.Public crp = o.readPublic(h);
        assertThat(crp.name()).isEqualTo(prefixed(sha256(child.publicArea().toBytes())));
        assertThat(crp.qualifiedName()).isEqualTo(prefixed(sha256(rp.qualifiedName(), crp.name())));
        // A sequence has no public area.
        o.flush(h);
        int seq = tpm.ok(tpm.call(Commands.hashSequenceStart(NONE, TpmAlgId.SHA256))).body().u32();
        assertThat(tpm.rc(ObjectCommands.readPublic(seq))).isEqualTo(TpmRc.SEQUENCE);
    }

    @Test
    void creationDataDescribesTheParentAndTheTicketVerifies() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        ObjectDriver.Primary parent = o.createPrimary(TpmHandles.RH_ENDORSEMENT, STORAGE);
        TpmCore core = TpmInternals.core(tpm.tpm());
        assertThat(CreationTickets.isValid(core, parent.ticket(), parent.name(), parent.creationHash())).isTrue();
        assertThat(parent.ticket().hierarchy()).isEqualTo(TpmHandles.RH_ENDORSEMENT);
        assertThat(sha256(parent.creationData())).isEqualTo(parent.creationHash());
        ObjectDriver.Created child = o.create(parent.handle(), NONE, SEALED, NONE, "x".getBytes());
        // TPMS_CREATION_DATA: pcrSelect (empty), pcrDigest (of nothing), locality 0, parent nameAlg, Name, QN, outsideInfo.
        byte[] parentQn = o.readPublic(parent.handle()).qualifiedName();
        byte[] expected = new dev.jvtpm.engine.wire.TpmWriter().u32(0).tpm2b(sha256()).u8(1).u16(TpmAlgId.SHA256)
                .tpm2b(parent.name()).tpm2b(parentQn).tpm2b(NONE).toByteArray();
        assertThat(child.creationData()).isEqualTo(expected);
        byte[] childName = prefixed(sha256(child.publicArea().toBytes()));
        assertThat(CreationTickets.isValid(core, child.ticket(), childName, child.creationHash())).isTrue();
        // After a TPM Reset a null-hierarchy ticket no longer verifies; an endorsement ticket does.
        ObjectDriver.Primary temp = o.createPrimary(TpmHandles.RH_NULL, SEALED, NONE, "t".getBytes());
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(0)));
        assertThat(CreationTickets.isValid(core, temp.ticket(), temp.name(), temp.creationHash())).isFalse();
        assertThat(CreationTickets.isValid(core, child.ticket(), childName, child.creationHash())).isTrue();
    }

    @Test
    void sealedDataUnsealsWithItsAuthAndObjectChangeAuthGivesANewBlob() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        ObjectDriver.Primary parent = o.createPrimary(TpmHandles.RH_OWNER, STORAGE);
        ObjectDriver.Created sealed = o.create(parent.handle(), NONE, SEALED, "old".getBytes(), "the secret".getBytes());
        int h = o.load(parent.handle(), NONE, sealed);
        TpmHarness.Response u = tpm.ok(tpm.callRetrying(ObjectCommands.unseal(h, "old".getBytes())));
        assertThat(ObjectDriver.firstTpm2b(u, 0)).isEqualTo("the secret".getBytes());
        assertThat(tpm.rc(ObjectCommands.unseal(h, "bad".getBytes()))).isEqualTo(TpmRc.AUTH_FAIL | 0x100 | 0x800);
        TpmHarness.Response ch = tpm.ok(tpm.call(ObjectCommands.objectChangeAuth(h, "old".getBytes(), parent.handle(),
                "new".getBytes())));
        byte[] newPrivate = ObjectDriver.firstTpm2b(ch, 0);
        // The loaded object keeps its authValue; the new blob carries the new one.
        tpm.ok(tpm.call(ObjectCommands.unseal(h, "old".getBytes())));
        o.flush(h);
        int h2 = o.load(parent.handle(), NONE, newPrivate, sealed.publicArea());
        assertThat(tpm.rc(ObjectCommands.unseal(h2, "old".getBytes()))).isEqualTo(TpmRc.AUTH_FAIL | 0x100 | 0x800);
        // (a failure counts: clear the DA counter so the test can go on)
        TpmInternals.core(tpm.tpm()).gp.failedTries = 0;
        assertThat(ObjectDriver.firstTpm2b(tpm.ok(tpm.call(ObjectCommands.unseal(h2, "new".getBytes()))), 0))
                .isEqualTo("the secret".getBytes());
        assertThat(tpm.rc(ObjectCommands.objectChangeAuth(h2, "new".getBytes(), parent.handle(), "0123456789abcdef0123456789abcdef!".getBytes())))
                .isEqualTo(TpmRc.SIZE | 0x40 | 0x100);
        assertThat(tpm.rc(ObjectCommands.objectChangeAuth(h2, "new".getBytes(), h2, NONE))).isEqualTo(TpmRc.TYPE | 0x200);
    }

    @Test
    void primariesAreAFunctionOfSeedTemplateAndDataOnly() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        PublicArea rsa = Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL);
        ObjectDriver.Primary a = o.createPrimary(TpmHandles.RH_OWNER, rsa, "auth1".getBytes(), NONE);
        o.flush(a.handle());
        ObjectDriver.Primary b = o.createPrimary(TpmHandles.RH_OWNER, rsa, "auth2".getBytes(), NONE);
        o.flush(b.handle());
        assertThat(b.publicArea()).isEqualTo(a.publicArea());
        ObjectDriver.Primary other = o.createPrimary(TpmHandles.RH_PLATFORM, rsa);
        o.flush(other.handle());
        assertThat(other.publicArea()).isNotEqualTo(a.publicArea());
        ObjectDriver.Primary withData = o.createPrimary(TpmHandles.RH_OWNER, rsa, NONE, "d".getBytes());
        o.flush(withData.handle());
        assertThat(withData.publicArea()).isNotEqualTo(a.publicArea());
        // The null seed changes with every TPM Reset, the owner seed does not.
        ObjectDriver.Primary n1 = o.createPrimary(TpmHandles.RH_NULL, STORAGE);
        o.flush(n1.handle());
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(0)));
        ObjectDriver.Primary n2 = o.createPrimary(TpmHandles.RH_NULL, STORAGE);
        o.flush(n2.handle());
        assertThat(n2.publicArea()).isNotEqualTo(n1.publicArea());
        ObjectDriver.Primary again = o.createPrimary(TpmHandles.RH_OWNER, rsa);
        assertThat(again.publicArea()).isEqualTo(a.publicArea());
    }

    @Test
    void everyKindOfObjectCanBeCreatedLoadedAndUsed() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        ObjectDriver.Primary parent = o.createPrimary(TpmHandles.RH_OWNER, STORAGE);
        PublicArea[] templates = {
            Templates.rsa(Templates.SIGNING, 2048, SymDefObject.NULL, new Scheme.RsaSsa(HashAlg.SHA256)),
            Templates.rsa(0x00060072, 3072, SymDefObject.NULL, Scheme.NULL),
            Templates.ecc(Templates.SIGNING, EccCurve.NIST_P384, SymDefObject.NULL, Scheme.NULL),
            Templates.ecc(0x00020072, EccCurve.NIST_P521, SymDefObject.NULL, new Scheme.Ecdh(HashAlg.SHA512)),
            Templates.keyedHash(Templates.SIGNING, HashAlg.SHA512, new Scheme.Hmac(HashAlg.SHA512)),
            Templates.symCipher(0x00060072, HashAlg.SHA384, SymDefObject.aes(256, TpmAlgId.NULL)),
            Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL),
        };
        for (PublicArea t : templates) {
            ObjectDriver.Created c = o.create(parent.handle(), NONE, t, NONE, NONE);
            int h = o.load(parent.handle(), NONE, c);
            assertThat(o.readPublic(h).publicArea()).isEqualTo(c.publicArea());
            o.flush(h);
        }
        // Loading a blob with a public area that is not its own: integrity.
        ObjectDriver.Created a = o.create(parent.handle(), NONE, templates[2], NONE, NONE);
        ObjectDriver.Created b = o.create(parent.handle(), NONE, templates[2], NONE, NONE);
        assertThat(tpm.rc(ObjectCommands.load(parent.handle(), NONE, a.outPrivate(), ObjectCommands.publicSized(b.publicArea()))))
                .isEqualTo(TpmRc.INTEGRITY | 0x40 | 0x100);
        assertThat(tpm.rc(ObjectCommands.load(parent.handle(), NONE, new byte[0], ObjectCommands.publicSized(b.publicArea()))))
                .isEqualTo(TpmRc.SIZE | 0x40 | 0x100);
        byte[] truncated = Arrays.copyOf(a.outPrivate(), 40);
        assertThat(tpm.rc(ObjectCommands.load(parent.handle(), NONE, truncated, ObjectCommands.publicSized(a.publicArea()))))
                .isEqualTo(TpmRc.INTEGRITY | 0x40 | 0x100);
        // A child of a storage child, and Create under a signing key.
        ObjectDriver.Created storageChild = o.create(parent.handle(), NONE, STORAGE, NONE, NONE);
        int sc = o.load(parent.handle(), NONE, storageChild);
        ObjectDriver.Created grandChild = o.create(sc, NONE, SEALED, NONE, "deep".getBytes());
        int gc = o.load(sc, NONE, grandChild);
        assertThat(ObjectDriver.firstTpm2b(tpm.ok(tpm.call(ObjectCommands.unseal(gc, NONE))), 0)).isEqualTo("deep".getBytes());
        o.flush(gc);
        ObjectDriver.Created signer = o.create(sc, NONE, templates[2], NONE, NONE);
        int s = o.load(sc, NONE, signer);
        assertThat(tpm.rc(ObjectCommands.create(s, NONE, SEALED, NONE, "x".getBytes()))).isEqualTo(TpmRc.TYPE | 0x100);
        assertThat(tpm.rc(ObjectCommands.create(sc, NONE, SEALED, NONE, "x".getBytes()))).isEqualTo(TpmRc.OBJECT_MEMORY);
        o.flush(s);
        assertThat(tpm.rc(ObjectCommands.create(sc, NONE, Templates.withAttributes(SEALED, 0x00000050), NONE, "x".getBytes())))
                .isEqualTo(TpmRc.ATTRIBUTES | 0x40 | 0x200);
        assertThat(ObjectAttributes.isSet(signer.publicArea().attributes(), ObjectAttributes.SIGN)).isTrue();
    }
}
