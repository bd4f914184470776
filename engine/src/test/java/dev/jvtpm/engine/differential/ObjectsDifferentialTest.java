package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.ticket.CreationTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Object commands against swtpm 0.7.1 with keys the TPMs create themselves: CreatePrimary in every
 * hierarchy, Create/Load/ReadPublic, contexts, EvictControl, and their error paths. The seeds
 * differ, so key material differs: outputs are compared in structure (everything but the unique
 * field of public areas, sizes of names and tickets), creation data byte for byte, jvtpm's tickets
 * recomputed from its proofs, and every error response byte for byte. Deterministic outputs with
 * shared keys are {@link ExternalKeysDifferentialTest}'s.
 */
class ObjectsDifferentialTest extends DifferentialFixture {
    static final byte[] NONE = new byte[0];
    static final HexFormat HEX = HexFormat.of();
    /** PCRs 0-7 of the SHA-256 bank, and PCR 16 of the SHA-1 bank. */
    static final byte[] CREATION_PCRS = HEX.parseHex("00000002" + "000b03ff0000" + "000403000001");

    static TpmReader params(byte[] rsp, boolean responseHandle) throws TpmException {
        return DifferentialTestSupport.params(rsp, responseHandle);
    }

    static int handle(byte[] rsp) {
        return DifferentialTestSupport.handle(rsp);
    }

    /** A public area with its unique field emptied, for comparing structure. */
    static String shape(PublicArea p) {
        return HEX.formatHex(p.withUnique(PublicId.empty(p.type())).toBytes());
    }

    static int uniqueSize(PublicArea p) {
        TpmWriter w = new TpmWriter();
        p.unique().write(w);
        return w.size();
    }

    TpmCore jvtpm() {
        return TpmInternals.core(((InProcessTarget) d.subject()).tpm());
    }

    /** CreatePrimary on both: same code; on success same shape, creation data and hash, jvtpm's ticket checked. */
    private int samePrimary(String what, int hierarchy, PublicArea template, byte[] data) throws Exception {
        byte[] cmd = ObjectCommands.createPrimary(hierarchy, NONE, template, "auth".getBytes(), data, "outside".getBytes(),
                CREATION_PCRS);
        Differential.Pair p = d.both(cmd);
        assertThat(HEX.formatHex(p.subject(), 6, 10)).as(what + ": code").isEqualTo(HEX.formatHex(p.reference(), 6, 10));
        if (p.subjectRc() != 0) {
            assertThat(p.subject()).as(what + ": error response").isEqualTo(p.reference());
            return 0;
        }
        assertThat(handle(p.subject())).as(what + ": handle").isEqualTo(handle(p.reference()));
        TpmReader ref = params(p.reference(), true);
        TpmReader sub = params(p.subject(), true);
        PublicArea refPublic = PublicArea.readSized(ref, false);
        PublicArea subPublic = PublicArea.readSized(sub, false);
        assertThat(shape(subPublic)).as(what + ": public area but unique").isEqualTo(shape(refPublic));
        assertThat(uniqueSize(subPublic)).as(what + ": unique size").isEqualTo(uniqueSize(refPublic));
        assertThat(HEX.formatHex(sub.tpm2b(2000))).as(what + ": creation data").isEqualTo(HEX.formatHex(ref.tpm2b(2000)));
        byte[] creationHash = sub.tpm2b(64);
        assertThat(HEX.formatHex(creationHash)).as(what + ": creation hash").isEqualTo(HEX.formatHex(ref.tpm2b(64)));
        Ticket refTicket = Ticket.readCreation(ref);
        Ticket subTicket = Ticket.readCreation(sub);
        assertThat(subTicket.hierarchy()).as(what + ": ticket hierarchy").isEqualTo(refTicket.hierarchy());
        assertThat(subTicket.digest()).as(what + ": ticket size").hasSameSizeAs(refTicket.digest());
        byte[] refName = ref.tpm2b(68);
        byte[] subName = sub.tpm2b(68);
        assertThat(subName).as(what + ": name size").hasSameSizeAs(refName);
        assertThat(CreationTickets.isValid(jvtpm(), subTicket, subName, creationHash)).as(what + ": jvtpm ticket").isTrue();
        assertThat(sub.hasRemaining()).isFalse();
        return handle(p.subject());
    }

    static final PublicArea RSA_STORAGE = Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL);
    static final PublicArea ECC_STORAGE = Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL);

    static List<PublicArea> primaryTemplates() {
        return List.of(
                ECC_STORAGE,
                Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256)),
                Templates.withNameAlg(Templates.ecc(Templates.STORAGE, EccCurve.NIST_P384, Templates.AES256_CFB, Scheme.NULL),
                        TpmAlgId.SHA384),
                Templates.ecc(Templates.SIGNING, EccCurve.NIST_P521, SymDefObject.NULL, Scheme.NULL),
                Templates.keyedHash(Templates.SIGNING, HashAlg.SHA256, new Scheme.Hmac(HashAlg.SHA256)),
                Templates.keyedHash(0x00000012 | ObjectAttributes.USER_WITH_AUTH, HashAlg.SHA256, Scheme.NULL),
                Templates.symCipher(0x00060072, HashAlg.SHA256, SymDefObject.aes(128, TpmAlgId.CFB)),
                Templates.symCipher(0x00060072, HashAlg.SHA512, SymDefObject.aes(256, TpmAlgId.NULL)));
    }

    @Test
    void createPrimaryInEveryHierarchy() throws Exception {
        int[] hierarchies = {TpmHandles.RH_OWNER, TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM, TpmHandles.RH_NULL};
        for (int h : hierarchies) {
            for (PublicArea t : primaryTemplates()) {
                boolean sealed = t.type() == TpmAlgId.KEYEDHASH && !t.has(ObjectAttributes.SIGN);
                String what = String.format("hierarchy %08x template %s", h, shape(t));
                int handle = samePrimary(what, h, t, sealed ? "sealed secret".getBytes() : NONE);
                if (handle != 0) {
                    d.same(what + ": FlushContext", Commands.flushContext(handle));
                }
            }
        }
        int rsa = samePrimary("RSA-2048 storage key", TpmHandles.RH_OWNER, RSA_STORAGE, NONE);
        d.same("flush", Commands.flushContext(rsa));
        int rsa3072 = samePrimary("RSA-3072 signing key", TpmHandles.RH_ENDORSEMENT,
                Templates.withNameAlg(Templates.rsa(Templates.SIGNING, 3072, SymDefObject.NULL, new Scheme.RsaPss(HashAlg.SHA384)),
                        TpmAlgId.SHA384), NONE);
        d.same("flush", Commands.flushContext(rsa3072));
    }

    /** Templates CreateChecks refuses, and malformed CreatePrimary parameters: identical error responses. */
    @Test
    void createPrimaryErrors() throws Exception {
        PublicArea signer = Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, Scheme.NULL);
        List<PublicArea> bad = List.of(
                Templates.withAttributes(signer, Templates.SIGNING & ~ObjectAttributes.SENSITIVE_DATA_ORIGIN),
                Templates.withAttributes(signer, Templates.SIGNING & ~ObjectAttributes.FIXED_PARENT),
                Templates.withAttributes(signer, Templates.SIGNING | ObjectAttributes.DECRYPT | ObjectAttributes.RESTRICTED),
                Templates.withAttributes(signer, Templates.SIGNING | ObjectAttributes.ENCRYPTED_DUPLICATION),
                Templates.withAttributes(signer, Templates.SIGNING | ObjectAttributes.RESTRICTED),
                Templates.withPolicy(signer, new byte[20]),
                Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL),
                Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, SymDefObject.NULL, Scheme.NULL),
                Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, new Scheme.Ecdh(HashAlg.SHA256)),
                Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, new Scheme.Oaep(HashAlg.SHA256)),
                Templates.rsa(Templates.SIGNING, 2048, SymDefObject.NULL, new Scheme.Oaep(HashAlg.SHA256)),
                Templates.keyedHash(Templates.SIGNING, HashAlg.SHA256, Scheme.NULL).withUnique(new PublicId.Digest(new byte[3])),
                Templates.keyedHash(0x00000072, HashAlg.SHA256, Scheme.NULL),
                Templates.symCipher(0x00070072, HashAlg.SHA256, SymDefObject.aes(128, TpmAlgId.CFB)));
        for (PublicArea t : bad) {
            d.same("CreatePrimary " + shape(t), ObjectCommands.createPrimary(TpmHandles.RH_OWNER, t));
        }
        byte[] template = ObjectCommands.publicSized(signer);
        byte[] sens = ObjectCommands.sensitiveCreate(NONE, NONE);
        String[] params = {
            "0000",                                         // empty inSensitive
            "0004" + "0000" + "0000",                       // inSensitive size too large
            HEX.formatHex(ObjectCommands.sensitiveCreate(new byte[65], NONE)),
            HEX.formatHex(ObjectCommands.sensitiveCreate(filled(33), NONE)) + HEX.formatHex(template) + "0000" + "00000000",
            HEX.formatHex(sens) + "0000",                   // empty inPublic
            HEX.formatHex(sens) + HEX.formatHex(template) + "0043" + "00".repeat(67) + "00000000", // outsideInfo too long
            HEX.formatHex(sens) + HEX.formatHex(template) + "0000" + "00000005",                  // too many PCR banks
            HEX.formatHex(sens) + HEX.formatHex(template) + "0000" + "00000001" + "0012" + "03ffffff", // SM3 bank
            HEX.formatHex(sens) + HEX.formatHex(template) + "0000" + "00000001" + "000b" + "02ffff",
            HEX.formatHex(sens) + HEX.formatHex(template) + "0000",                               // creationPCR missing
            HEX.formatHex(sens) + HEX.formatHex(template) + "0000" + "00000000" + "00",           // trailing byte
        };
        for (String p : params) {
            d.same("CreatePrimary params " + p, ObjectCommands.createPrimaryRaw(TpmHandles.RH_OWNER, NONE, HEX.parseHex(p)));
        }
        // Unmarshal codes inside the template: type, nameAlg, attributes, parms, unique.
        String[] templates = {
            "0099000b00040072000000100018000b00030010" + "00000000",  // unknown type
            "0023001200040072000000100018000b00030010" + "00000000",  // nameAlg SM3
            "00230010000400720000001000" + "18000b00030010" + "00000000",
            "0023000b00040073000000100018000b00030010" + "00000000",  // reserved attribute bit 0
            "0023000b00040072000000100018000b00990010" + "00000000",  // no such curve
            "0023000b00040072000000100018000b00030099" + "00000000",  // unknown KDF
            "0023000b00040072000000100018000b00030010" + "00510000",  // unique x over 80 bytes (libtpms allows 80 for BN P-638, jvtpm 66)
            "0001000b00040072000000100014000b08010000000000000000",   // RSA 2049 bits
        };
        for (String t : templates) {
            byte[] pub = HEX.parseHex(String.format("%04x", t.length() / 2) + t);
            d.same("CreatePrimary template " + t, ObjectCommands.createPrimaryRaw(TpmHandles.RH_OWNER, NONE,
                    concat(sens, pub, HEX.parseHex("0000" + "00000000"))));
        }
        // A disabled hierarchy, a bad hierarchy auth, no free slot.
        d.same("HierarchyControl(owner off)", Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_OWNER, false));
        d.same("CreatePrimary in a disabled hierarchy", ObjectCommands.createPrimary(TpmHandles.RH_OWNER, signer));
        d.same("CreatePrimary with a wrong password", ObjectCommands.createPrimary(TpmHandles.RH_ENDORSEMENT, "x".getBytes(),
                signer, NONE, NONE, NONE, ObjectCommands.noPcrs()));
        for (int i = 0; i < 3; i++) {
            d.sameCode("fill slot " + i, ObjectCommands.createPrimary(TpmHandles.RH_NULL, signer));
        }
        d.same("CreatePrimary with every slot taken", ObjectCommands.createPrimary(TpmHandles.RH_NULL, signer));
    }

    static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0x5A);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        TpmWriter w = new TpmWriter();
        for (byte[] p : parts) {
            w.bytes(p);
        }
        return w.toByteArray();
    }

    /** Create under each TPM's own storage primary, Load, ReadPublic, ContextSave/Load, FlushContext. */
    @Test
    void createLoadContextsAndPersistence() throws Exception {
        int parent = samePrimary("storage primary", TpmHandles.RH_OWNER, ECC_STORAGE, NONE);
        // USE_DA_USED: the first authorization of a DA-protected entity since Startup is TPM_RC_RETRY.
        d.same("first DA-protected authorization", ObjectCommands.create(parent, "auth".getBytes(), ECC_STORAGE, NONE, NONE));
        List<PublicArea> children = List.of(
                Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256)),
                Templates.keyedHash(0x00000012 | ObjectAttributes.USER_WITH_AUTH, HashAlg.SHA256, Scheme.NULL),
                Templates.keyedHash(Templates.SIGNING, HashAlg.SHA384, new Scheme.Hmac(HashAlg.SHA384)),
                Templates.symCipher(0x00060072, HashAlg.SHA256, SymDefObject.aes(256, TpmAlgId.CFB)),
                ECC_STORAGE);
        for (PublicArea t : children) {
            boolean sealed = t.type() == TpmAlgId.KEYEDHASH && !t.has(ObjectAttributes.SIGN);
            String what = "Create " + shape(t);
            Differential.Pair created = d.sameCode(what, ObjectCommands.create(parent, "auth".getBytes(), t, "pw".getBytes(),
                    sealed ? "secret".getBytes() : NONE));
            TpmReader ref = params(created.reference(), false);
            TpmReader sub = params(created.subject(), false);
            byte[] refPriv = ref.tpm2b(2000);
            byte[] subPriv = sub.tpm2b(2000);
            assertThat(subPriv).as(what + ": private size").hasSameSizeAs(refPriv);
            PublicArea refPub = PublicArea.readSized(ref, false);
            PublicArea subPub = PublicArea.readSized(sub, false);
            assertThat(shape(subPub)).as(what).isEqualTo(shape(refPub));
            assertThat(HEX.formatHex(sub.tpm2b(2000))).as(what + ": creation data, parent names aside")
                    .hasSameSizeAs(HEX.formatHex(ref.tpm2b(2000)));
            // Each loads its own blob.
            byte[] refLoad = d.reference().send(ObjectCommands.load(parent, "auth".getBytes(), refPriv, ObjectCommands.publicSized(refPub)));
            byte[] subLoad = d.subject().send(ObjectCommands.load(parent, "auth".getBytes(), subPriv, ObjectCommands.publicSized(subPub)));
            assertThat(HEX.formatHex(subLoad, 0, 14)).as(what + ": Load").isEqualTo(HEX.formatHex(refLoad, 0, 14));
            int child = handle(subLoad);
            // Each other's blob does not load (integrity under another parent seed).
            d.same(what + ": swapped blob", ObjectCommands.load(parent, "auth".getBytes(), tamper(refPriv, 40), ObjectCommands.publicSized(refPub)));
            d.sameCode(what + ": ReadPublic", ObjectCommands.readPublic(child));
            if (sealed) {
                d.same(what + ": Unseal", ObjectCommands.unseal(child, "pw".getBytes()));
                d.same(what + ": Unseal with a wrong password", ObjectCommands.unseal(child, "px".getBytes()));
            } else {
                d.same(what + ": Unseal of a key", ObjectCommands.unseal(child, "pw".getBytes()));
            }
            d.sameCode(what + ": ObjectChangeAuth", ObjectCommands.objectChangeAuth(child, "pw".getBytes(), parent, "new".getBytes()));
            d.same(what + ": ObjectChangeAuth, wrong parent", ObjectCommands.objectChangeAuth(child, "pw".getBytes(), child, NONE));
            Differential.Pair ctx = d.both(ObjectCommands.contextSave(child));
            assertThat(ctx.subjectRc()).as(what + ": ContextSave").isEqualTo(ctx.referenceRc()).isZero();
            d.same(what + ": FlushContext", Commands.flushContext(child));
            byte[] refCtx = java.util.Arrays.copyOfRange(ctx.reference(), 10, ctx.reference().length);
            byte[] subCtx = java.util.Arrays.copyOfRange(ctx.subject(), 10, ctx.subject().length);
            assertThat(HEX.formatHex(subCtx, 0, 16)).as(what + ": sequence, savedHandle, hierarchy")
                    .isEqualTo(HEX.formatHex(refCtx, 0, 16));
            for (int i = 0; i < 2; i++) {
                byte[] a = d.reference().send(ObjectCommands.contextLoad(refCtx));
                byte[] b = d.subject().send(ObjectCommands.contextLoad(subCtx));
                assertThat(HEX.formatHex(b)).as(what + ": ContextLoad " + i).isEqualTo(HEX.formatHex(a));
                d.same(what + ": flush reloaded", Commands.flushContext(handle(b)));
            }
            contextLoadErrors(what, refCtx, subCtx);
        }
        persistence(parent);
    }

    /** The same corruption of each TPM's own context must give the same error. */
    private void contextLoadErrors(String what, byte[] refCtx, byte[] subCtx) throws Exception {
        int blobAt = 16;
        int[][] edits = {{blobAt + 2 + 10}, {blobAt + 2 + 64 + 3}, {12}, {15}};
        for (int[] e : edits) {
            byte[] a = tamper(refCtx, e[0]);
            byte[] b = tamper(subCtx, e[0]);
            byte[] ra = d.reference().send(ObjectCommands.contextLoad(a));
            byte[] rb = d.subject().send(ObjectCommands.contextLoad(b));
            assertThat(HEX.formatHex(rb)).as(what + ": tampered byte " + e[0]).isEqualTo(HEX.formatHex(ra));
        }
        // Structural errors built the same way for both.
        String[] bad = {
            "0000000000000001" + "80000003" + "40000001" + "0000",             // savedHandle not TPMI_DH_SAVED
            "0000000000000001" + "80000000" + "40000002" + "0000",             // hierarchy not TPMI_RH_HIERARCHY+
            "0000000000000001" + "80000000" + "40000001" + "0000",             // empty blob
            "0000000000000001" + "80000000" + "40000001" + "0001" + "00",      // blob shorter than its integrity size
            "0000000000000001" + "80000000" + "40000001" + "0002" + "0020",    // integrity size 32
            "0000000000000001" + "80000000" + "40000001" + "0042" + "0040" + "00".repeat(64), // no fingerprint
            "0000000000000001" + "80000000" + "40000001" + "004a" + "0040" + "00".repeat(72), // integrity mismatch
            "0000000000000001" + "02000000" + "40000007" + "004a" + "0040" + "00".repeat(72),
            "0000000000000001" + "80000000" + "40000001" + "0041" + "0041" + "00".repeat(63), // integrity size 65
            "0000000000000001" + "80000000" + "40000001" + "ffff",
            "00000000000000",
        };
        for (String s : bad) {
            d.same(what + ": ContextLoad " + s, ObjectCommands.contextLoad(HEX.parseHex(s)));
        }
    }

    private void persistence(int parent) throws Exception {
        d.same("EvictControl owner 0x81000010", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, parent, 0x81000010));
        d.same("EvictControl again: NV_DEFINED", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, parent, 0x81000010));
        d.same("EvictControl owner into platform range", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, parent, 0x81800000));
        d.same("EvictControl platform of an owner object", ObjectCommands.evictControl(TpmHandles.RH_PLATFORM, NONE, parent, 0x81800000));
        d.same("EvictControl of a persistent object to another handle",
                ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, 0x81000010, 0x81000011));
        d.same("EvictControl persistentHandle not persistent", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, parent, 0x80000000));
        d.same("EvictControl with endorsement auth", ObjectCommands.evictControl(TpmHandles.RH_ENDORSEMENT, NONE, parent, 0x81000011));
        d.same("handles", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 10));
        d.sameCode("ReadPublic of the persistent object", ObjectCommands.readPublic(0x81000010));
        d.same("ReadPublic of a missing persistent object", ObjectCommands.readPublic(0x81000011));
        d.same("ContextSave of a persistent handle", ObjectCommands.contextSave(0x81000010));
        d.same("FlushContext of a persistent handle", Commands.flushContext(0x81000010));
        int nullPrimary = samePrimary("null primary", TpmHandles.RH_NULL, ECC_STORAGE, NONE);
        d.same("EvictControl of a temporary object", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, nullPrimary, 0x81000011));
        // Slots: with all three transient slots taken, a persistent object cannot be loaded.
        int third = samePrimary("third", TpmHandles.RH_OWNER, ECC_STORAGE, NONE);
        d.same("ReadPublic persistent, no free slot", ObjectCommands.readPublic(0x81000010));
        d.same("flush third", Commands.flushContext(third));
        d.sameCode("Create under the persistent parent with one slot free",
                ObjectCommands.create(0x81000010, "auth".getBytes(), Templates.keyedHash(0x00000052, HashAlg.SHA256, Scheme.NULL), NONE,
                        "data".getBytes()));
        d.powerCycle();
        d.same("Startup after power cycle", Commands.startup(0));
        d.same("persistent handles survive", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 10));
        d.sameCode("ReadPublic after power cycle", ObjectCommands.readPublic(0x81000010));
        d.same("HierarchyControl(owner off)", Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_OWNER, false));
        d.same("ReadPublic with the owner hierarchy off", ObjectCommands.readPublic(0x81000010));
        d.same("EvictControl with the owner hierarchy off", ObjectCommands.evictControl(TpmHandles.RH_PLATFORM, NONE, 0x81000010,
                0x81000010));
        d.powerCycle();
        d.same("Startup", Commands.startup(0));
        d.same("EvictControl removes", ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, 0x81000010, 0x81000010));
        d.same("handles after removal", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 10));
    }

    static byte[] tamper(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x01;
        return c;
    }
}
