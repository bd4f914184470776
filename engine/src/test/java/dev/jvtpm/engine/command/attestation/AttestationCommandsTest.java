package dev.jvtpm.engine.command.attestation;

import static dev.jvtpm.engine.testing.AttestationCommands.certify;
import static dev.jvtpm.engine.testing.AttestationCommands.certifyCreation;
import static dev.jvtpm.engine.testing.AttestationCommands.getTime;
import static dev.jvtpm.engine.testing.AttestationCommands.nvCertify;
import static dev.jvtpm.engine.testing.AttestationCommands.pcrSelection;
import static dev.jvtpm.engine.testing.AttestationCommands.quote;
import static dev.jvtpm.engine.testing.Commands.EMPTY;
import static dev.jvtpm.engine.testing.ObjectCommands.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Attestations;
import dev.jvtpm.engine.testing.Attestations.Attest;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TPM2_Quote, Certify, CertifyCreation, GetTime and NV_Certify (Part 3 §18.2-18.4, §18.7,
 * §31.16) read back as a verifier reads them: the TPMS_ATTEST header and attested part parsed,
 * signatures checked with JCA (or an HMAC) against the signing key, the quote's pcrDigest
 * recomputed from PCR_Read values, and the response codes of libtpms' input checks.
 */
class AttestationCommandsTest {
    static final byte[] NONCE = "a verifier's nonce".getBytes(StandardCharsets.US_ASCII);
    /** fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth | restricted | sign: an AK. */
    static final int AK = Templates.SIGNING | ObjectAttributes.RESTRICTED;

    private TpmHarness h;
    private ObjectDriver objects;

    @BeforeEach
    void start() {
        h = TpmHarness.started();
        objects = new ObjectDriver(h);
    }

    private int srk() {
        return objects.createPrimary(TpmHandles.RH_OWNER, Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB,
                Scheme.NULL)).handle();
    }

    private static PublicArea rsaAk() {
        return Templates.rsa(AK, 2048, SymDefObject.NULL, new Scheme.RsaSsa(HashAlg.SHA256));
    }

    private static PublicArea eccAk() {
        return Templates.ecc(AK, EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256));
    }

    static final byte[] NULL_SCHEME = ObjectCommands.scheme(TpmAlgId.NULL, 0);

    /** The response code, past the TPM_RC_RETRY of a DA-protected entity's first authorization after Startup. */
    private int rc(byte[] cmd) {
        return h.callRetrying(cmd).rc();
    }

    private Attestations.Response signed(byte[] cmd) {
        TpmHarness.Response r = h.ok(h.callRetrying(cmd));
        try {
            return Attestations.Response.read(r.parameters(0));
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    private long plainFirmware() {
        return ((long) h.property(TpmPt.FIRMWARE_VERSION_1) << 32) | (h.property(TpmPt.FIRMWARE_VERSION_2) & 0xFFFFFFFFL);
    }

    @Test
    void quoteByARestrictedRsaAkSignsTheDigestOfTheSelectedPcrs() throws Exception {
        byte[] measurement = new byte[32];
        Arrays.fill(measurement, (byte) 0x5A);
        h.ok(h.call(Commands.pcrExtend(16, TpmAlgId.SHA256, measurement)));
        int parent = srk();
        int ak = objects.load(parent, EMPTY, objects.create(parent, EMPTY, rsaAk(), EMPTY, EMPTY));
        ObjectDriver.Public akPublic = objects.readPublic(ak);
        byte[] selection = pcrSelection(TpmAlgId.SHA256, 0x0100FF, TpmAlgId.SHA1, 0x010000);

        Attestations.Response q = signed(quote(ak, NONCE, NULL_SCHEME, selection));

        Attest a = q.parsed();
        assertThat(a.magic()).isEqualTo(Attestations.MAGIC);
        assertThat(a.type()).isEqualTo(TpmSt.ATTEST_QUOTE);
        assertThat(a.qualifiedSigner()).isEqualTo(akPublic.qualifiedName());
        assertThat(a.extraData()).isEqualTo(NONCE);
        TpmReader attested = a.attested();
        assertThat(attested.bytes(selection.length)).as("pcrSelect").isEqualTo(selection);
        byte[][] values = new byte[10][];
        for (int i = 0; i < 8; i++) {
            values[i] = h.pcr(TpmAlgId.SHA256, i);
        }
        values[8] = h.pcr(TpmAlgId.SHA256, 16);
        values[9] = h.pcr(TpmAlgId.SHA1, 16);
        assertThat(attested.tpm2b(64)).as("pcrDigest: SHA-256 of the selected values in selection order")
                .isEqualTo(Attestations.digestOf("SHA-256", values));
        assertThat(attested.hasRemaining()).isFalse();
        assertThat(q.sigAlg()).isEqualTo(TpmAlgId.RSASSA);
        assertThat(Attestations.verifies(akPublic.publicArea(), q.attest(), q.signature())).isTrue();
        assertThat(a.firmwareVersion()).as("an owner key's attestation hides the firmware version")
                .isNotEqualTo(plainFirmware());
    }

    @Test
    void quoteByAnEccAkWithAnExplicitSchemeAndUnallocatedBanksFilteredOut() throws Exception {
        h.ok(h.call(Commands.pcrAllocate(EMPTY, new int[] {TpmAlgId.SHA1, 0xFFFFFF}, new int[] {TpmAlgId.SHA256, 0xFFFFFF},
                new int[] {TpmAlgId.SHA384, 0}, new int[] {TpmAlgId.SHA512, 0})));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        int parent = srk();
        int ak = objects.load(parent, EMPTY, objects.create(parent, EMPTY, eccAk(), EMPTY, EMPTY));
        ObjectDriver.Public akPublic = objects.readPublic(ak);
        byte[] selection = pcrSelection(TpmAlgId.SHA512, 0x000001, TpmAlgId.SHA256, 0x000003);

        Attestations.Response q = signed(quote(ak, EMPTY, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256), selection));

        TpmReader attested = q.parsed().attested();
        assertThat(attested.bytes(selection.length)).as("SHA-512 is not allocated: its PCR drops out")
                .isEqualTo(pcrSelection(TpmAlgId.SHA512, 0, TpmAlgId.SHA256, 0x000003));
        assertThat(attested.tpm2b(64)).isEqualTo(Attestations.digestOf("SHA-256", h.pcr(TpmAlgId.SHA256, 0),
                h.pcr(TpmAlgId.SHA256, 1)));
        assertThat(Attestations.verifies(akPublic.publicArea(), q.attest(), q.signature())).isTrue();
    }

    @Test
    void quoteSchemeAndKeyErrors() {
        int parent = srk();
        int ak = objects.load(parent, EMPTY, objects.create(parent, EMPTY, rsaAk(), EMPTY, EMPTY));
        int plain = objects.load(parent, EMPTY, objects.create(parent, EMPTY,
                Templates.rsa(Templates.SIGNING, 2048, SymDefObject.NULL, Scheme.NULL), EMPTY, EMPTY));
        byte[] pcrs = pcrSelection(TpmAlgId.SHA256, 1);
        assertThat(rc(quote(ak, NONCE, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA1), pcrs)))
                .as("another hash than the AK's scheme").isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
        assertThat(rc(quote(ak, NONCE, scheme(TpmAlgId.RSAPSS, TpmAlgId.SHA256), pcrs)))
                .as("another scheme than the AK's").isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
        assertThat(rc(quote(plain, NONCE, NULL_SCHEME, pcrs)))
                .as("neither key nor input names a scheme").isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
        assertThat(rc(quote(plain, NONCE, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256), pcrs)))
                .as("a scheme of another key type, as swtpm answers it").isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
        assertThat(rc(quote(TpmHandles.RH_NULL, NONCE, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), pcrs)))
                .as("TPM_RH_NULL has no hash for the PCR digest").isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
        assertThat(rc(quote(parent, NONCE, NULL_SCHEME, pcrs))).as("a storage key cannot sign")
                .isEqualTo(TpmRc.atHandle(TpmRc.KEY, 1));
        assertThat(rc(quote(ak, new byte[67], NULL_SCHEME, pcrs))).as("qualifyingData larger than a TPMT_HA")
                .isEqualTo(TpmRc.atParameter(TpmRc.SIZE, 1));
        Attestations.Response q = signed(quote(plain, new byte[66], scheme(TpmAlgId.RSAPSS, TpmAlgId.SHA384), pcrs));
        assertThat(q.sigAlg()).isEqualTo(TpmAlgId.RSAPSS);
    }

    @Test
    void certifyAttestsTheNamesOfAnObjectAndVerifies() throws Exception {
        int parent = srk();
        int ak = objects.load(parent, EMPTY, objects.create(parent, EMPTY, eccAk(), EMPTY, EMPTY));
        int key = objects.load(parent, EMPTY, objects.create(parent, EMPTY,
                Templates.rsa(Templates.SIGNING, 2048, SymDefObject.NULL, Scheme.NULL), EMPTY, EMPTY));
        ObjectDriver.Public keyPublic = objects.readPublic(key);
        ObjectDriver.Public akPublic = objects.readPublic(ak);

        Attestations.Response c = signed(certify(key, ak, NONCE, NULL_SCHEME));

        Attest a = c.parsed();
        assertThat(a.type()).isEqualTo(TpmSt.ATTEST_CERTIFY);
        assertThat(a.qualifiedSigner()).isEqualTo(akPublic.qualifiedName());
        assertThat(a.extraData()).isEqualTo(NONCE);
        assertThat(a.attested().tpm2b(68)).as("name").isEqualTo(keyPublic.name());
        assertThat(a.attested().tpm2b(68)).as("qualifiedName").isEqualTo(keyPublic.qualifiedName());
        assertThat(c.sigAlg()).isEqualTo(TpmAlgId.ECDSA);
        assertThat(Attestations.verifies(akPublic.publicArea(), c.attest(), c.signature())).isTrue();
        // An unrestricted key certifies itself with a scheme chosen by the caller.
        Attestations.Response self = signed(certify(key, key, EMPTY, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA384)));
        assertThat(Attestations.verifies(keyPublic.publicArea(), self.attest(), self.signature())).isTrue();
    }

    @Test
    void theNullSignerGivesAnUnsignedObfuscatedAttestation() throws Exception {
        int parent = srk();
        ObjectDriver.Public srkPublic = objects.readPublic(parent);
        Attestations.Response c = signed(certify(parent, TpmHandles.RH_NULL, NONCE,
                scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256)));
        assertThat(c.signature()).as("TPM_ALG_NULL signature").isEqualTo(new byte[] {0, 0x10});
        Attest a = c.parsed();
        assertThat(a.qualifiedSigner()).isEqualTo(new byte[] {0x40, 0, 0, 7});
        assertThat(a.extraData()).isEqualTo(NONCE);
        assertThat(a.attested().tpm2b(68)).isEqualTo(srkPublic.name());
        assertThat(a.firmwareVersion()).isNotEqualTo(plainFirmware());
    }

    @Test
    void certifyErrors() {
        int parent = srk();
        int sym = objects.load(parent, EMPTY, objects.create(parent, EMPTY,
                Templates.symCipher(Templates.SIGNING & ~ObjectAttributes.SIGN | ObjectAttributes.DECRYPT,
                        HashAlg.SHA256, Templates.AES128_CFB), EMPTY, EMPTY));
        assertThat(rc(certify(parent, sym, EMPTY, NULL_SCHEME))).as("a symmetric cipher cannot sign")
                .isEqualTo(TpmRc.atHandle(TpmRc.KEY, 2));
        assertThat(rc(certify(parent, parent, EMPTY, NULL_SCHEME))).as("a storage key cannot sign")
                .isEqualTo(TpmRc.atHandle(TpmRc.KEY, 2));
        assertThat(rc(certify(parent, TpmHandles.RH_OWNER, EMPTY, NULL_SCHEME))).as("a hierarchy is no object")
                .isEqualTo(TpmRc.atHandle(TpmRc.VALUE, 2));
        assertThat(rc(certify(TpmHandles.RH_NULL, parent, EMPTY, NULL_SCHEME))).as("the certified object is required")
                .isEqualTo(TpmRc.atHandle(TpmRc.VALUE, 1));
    }

    @Test
    void certifyCreationChecksTheTicketAndVerifiesWithAnHmacKey() throws Exception {
        int parent = srk();
        byte[] hmacKey = "an HMAC key from outside".getBytes(StandardCharsets.US_ASCII);
        int hmacSigner = objects.load(parent, EMPTY, objects.create(parent, EMPTY, Templates.keyedHash(
                Templates.SIGNING & ~ObjectAttributes.SENSITIVE_DATA_ORIGIN, HashAlg.SHA256,
                new Scheme.Hmac(HashAlg.SHA256)), EMPTY, hmacKey));
        ObjectDriver.Created created = objects.create(parent, EMPTY, eccAk(), EMPTY, EMPTY);
        int key = objects.load(parent, EMPTY, created);
        byte[] name = objects.readPublic(key).name();

        Attestations.Response c = signed(certifyCreation(hmacSigner, key, NONCE, created.creationHash(), NULL_SCHEME,
                created.ticket()));

        Attest a = c.parsed();
        assertThat(a.type()).isEqualTo(TpmSt.ATTEST_CREATION);
        assertThat(a.attested().tpm2b(68)).isEqualTo(name);
        assertThat(a.attested().tpm2b(64)).isEqualTo(created.creationHash());
        assertThat(Attestations.verifiesHmac(hmacKey, c.attest(), c.signature())).isTrue();

        byte[] otherHash = created.creationHash().clone();
        otherHash[0] ^= 1;
        assertThat(rc(certifyCreation(hmacSigner, key, NONCE, otherHash, NULL_SCHEME, created.ticket())))
                .as("creationHash not the ticket's").isEqualTo(TpmRc.atParameter(TpmRc.TICKET, 4));
        Ticket moved = new Ticket(created.ticket().tag(), TpmHandles.RH_ENDORSEMENT, created.ticket().digest());
        assertThat(rc(certifyCreation(hmacSigner, key, NONCE, created.creationHash(), NULL_SCHEME, moved)))
                .as("ticket for another hierarchy").isEqualTo(TpmRc.atParameter(TpmRc.TICKET, 4));
        assertThat(rc(certifyCreation(hmacSigner, parent, NONCE, created.creationHash(), NULL_SCHEME,
                created.ticket()))).as("another object").isEqualTo(TpmRc.atParameter(TpmRc.TICKET, 4));
        assertThat(rc(certifyCreation(hmacSigner, key, NONCE, created.creationHash(),
                scheme(TpmAlgId.HMAC, TpmAlgId.SHA384), created.ticket())))
                .as("scheme checked before the ticket").isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 3));
        Attestations.Response unsigned = signed(certifyCreation(TpmHandles.RH_NULL, key, EMPTY, created.creationHash(),
                NULL_SCHEME, created.ticket()));
        assertThat(unsigned.sigAlg()).isEqualTo(TpmAlgId.NULL);
    }

    @Test
    void getTimeReportsTimeClockAndFirmwareInTheClear() throws Exception {
        ObjectDriver.Primary ek = objects.createPrimary(TpmHandles.RH_ENDORSEMENT, Templates.ecc(
                Templates.SIGNING | ObjectAttributes.RESTRICTED, EccCurve.NIST_P256, SymDefObject.NULL,
                new Scheme.Ecdsa(HashAlg.SHA256)));
        TpmHarness.ClockInfo before = h.readClock();

        Attestations.Response t = signed(getTime(EMPTY, ek.handle(), NONCE, NULL_SCHEME));

        Attest a = t.parsed();
        assertThat(a.type()).isEqualTo(TpmSt.ATTEST_TIME);
        assertThat(a.resetCount()).as("an endorsement key shows the counters").isEqualTo(before.resetCount());
        assertThat(a.restartCount()).isEqualTo(before.restartCount());
        assertThat(a.firmwareVersion()).isEqualTo(plainFirmware());
        TpmReader time = a.attested();
        assertThat(time.u64()).as("time").isGreaterThanOrEqualTo(before.time());
        assertThat(time.u64()).as("clock").isEqualTo(a.clock());
        assertThat(time.u32()).isEqualTo(before.resetCount());
        assertThat(time.u32()).isEqualTo(before.restartCount());
        assertThat(time.u8() != 0).isEqualTo(a.safe());
        assertThat(time.u64()).as("firmwareVersion").isEqualTo(plainFirmware());
        assertThat(Attestations.verifies(ek.publicArea(), t.attest(), t.signature())).isTrue();

        Attestations.Response unsigned = signed(getTime(EMPTY, TpmHandles.RH_NULL, EMPTY, NULL_SCHEME));
        Attest u = unsigned.parsed();
        assertThat(u.firmwareVersion()).as("the header is obfuscated").isNotEqualTo(plainFirmware());
        TpmReader plain = u.attested();
        plain.skip(8 + 8 + 4 + 4 + 1);
        assertThat(plain.u64()).as("the attested part is not").isEqualTo(plainFirmware());
        assertThat(rc(getTime(EMPTY, ek.handle(), EMPTY, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA384))))
                .isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
    }

    static final int NV = 0x01500020;

    @Test
    void nvCertifyAttestsContentsOrTheirDigest() throws Exception {
        int attrs = NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.OWNERREAD | NvAttributes.OWNERWRITE
                | NvAttributes.READ_STCLEAR;
        assertThat(NvTesting.define(h, TpmHandles.RH_OWNER, "nv".getBytes(), NV, TpmAlgId.SHA256, attrs, 16)).isZero();
        int parent = srk();
        int ak = objects.load(parent, EMPTY, objects.create(parent, EMPTY, rsaAk(), EMPTY, EMPTY));
        ObjectDriver.Public akPublic = objects.readPublic(ak);
        assertThat(rc(nvCertify(ak, NV, "nv".getBytes(), NV, EMPTY, NULL_SCHEME, 4, 0)))
                .as("never written").isEqualTo(TpmRc.NV_UNINITIALIZED);
        byte[] data = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.callRetrying(Commands.nvWrite(NV, "nv".getBytes(), NV, data, 0)));
        byte[] name = NvTesting.readPublic(h, NV).name();

        Attestations.Response part = signed(nvCertify(ak, NV, "nv".getBytes(), NV, NONCE, NULL_SCHEME, 5, 3));
        Attest a = part.parsed();
        assertThat(a.type()).isEqualTo(TpmSt.ATTEST_NV);
        assertThat(a.attested().tpm2b(68)).isEqualTo(name);
        assertThat(a.attested().u16()).as("offset").isEqualTo(3);
        assertThat(a.attested().tpm2b(1024)).isEqualTo(Arrays.copyOfRange(data, 3, 8));
        assertThat(Attestations.verifies(akPublic.publicArea(), part.attest(), part.signature())).isTrue();

        Attestations.Response whole = signed(nvCertify(ak, TpmHandles.RH_OWNER, EMPTY, NV, EMPTY, NULL_SCHEME, 0, 0));
        Attest d = whole.parsed();
        assertThat(d.type()).isEqualTo(TpmSt.ATTEST_NV_DIGEST);
        assertThat(d.attested().tpm2b(68)).isEqualTo(name);
        assertThat(d.attested().tpm2b(64)).isEqualTo(Attestations.digestOf("SHA-256", data));
        assertThat(Attestations.verifies(akPublic.publicArea(), whole.attest(), whole.signature())).isTrue();

        Attestations.Response unsigned = signed(nvCertify(TpmHandles.RH_NULL, NV, "nv".getBytes(), NV, EMPTY,
                NULL_SCHEME, 0, 0));
        TpmReader u = unsigned.parsed().attested();
        u.tpm2b(68);
        assertThat(u.tpm2b(64)).as("no scheme, no hash: an empty digest").isEmpty();

        assertThat(rc(nvCertify(ak, NV, "nv".getBytes(), NV, EMPTY, NULL_SCHEME, 8, 9)))
                .isEqualTo(TpmRc.NV_RANGE);
        assertThat(rc(nvCertify(ak, NV, "nv".getBytes(), NV, EMPTY, scheme(TpmAlgId.RSAPSS, TpmAlgId.SHA256), 1, 0)))
                .isEqualTo(TpmRc.atParameter(TpmRc.SCHEME, 2));
        h.ok(h.call(Commands.nvReadLock(NV, "nv".getBytes(), NV)));
        assertThat(rc(nvCertify(ak, NV, "nv".getBytes(), NV, EMPTY, NULL_SCHEME, 1, 0)))
                .isEqualTo(TpmRc.NV_LOCKED);
    }

    @Test
    void nvCertifyAuthorizationAndSizeLimit() {
        int ownerOnly = 0x01500021;
        assertThat(NvTesting.define(h, TpmHandles.RH_OWNER, EMPTY, ownerOnly, TpmAlgId.SHA256,
                NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.OWNERWRITE, 16)).isZero();
        h.ok(h.callRetrying(Commands.nvWrite(ownerOnly, EMPTY, ownerOnly, new byte[16], 0)));
        assertThat(rc(nvCertify(TpmHandles.RH_NULL, TpmHandles.RH_OWNER, EMPTY, ownerOnly, EMPTY, NULL_SCHEME, 1, 0)))
                .as("owner authorization without OWNERREAD").isEqualTo(TpmRc.NV_AUTHORIZATION);
        int big = 0x01500022;
        int bigSize = h.property(TpmPt.NV_INDEX_MAX);
        assertThat(bigSize).isGreaterThan(1024);
        assertThat(NvTesting.define(h, TpmHandles.RH_OWNER, EMPTY, big, TpmAlgId.SHA256,
                NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE, bigSize)).isZero();
        for (int off = 0; off < bigSize; off += 1024) {
            h.ok(h.callRetrying(Commands.nvWrite(big, EMPTY, big, new byte[Math.min(1024, bigSize - off)], off)));
        }
        assertThat(rc(nvCertify(TpmHandles.RH_NULL, big, EMPTY, big, EMPTY, NULL_SCHEME, 1025, 0)))
                .as("more than NV_BUFFER_MAX").isEqualTo(TpmRc.atParameter(TpmRc.VALUE, 3));
        assertThat(rc(nvCertify(TpmHandles.RH_NULL, big, EMPTY, big, EMPTY, NULL_SCHEME, 1024, bigSize - 1024)))
                .isZero();
    }
}
