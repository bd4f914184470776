package dev.jvtpm.engine.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Part 3 §15.4 TPM2_Hash and its TPMT_TK_HASHCHECK. */
class HashTest {
    static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    /** A parsed TPMT_TK_HASHCHECK. */
    record Ticket(int tag, int hierarchy, byte[] digest) {
        static Ticket read(TpmReader r) throws Exception {
            return new Ticket(r.u16(), r.u32(), r.tpm2b(64));
        }
    }

    /** The ticket digest recomputed independently: HMAC-SHA512(proof, 0x8024 ‖ hashAlg ‖ digest). */
    static byte[] expectedTicket(byte[] proof, int hashAlg, byte[] digest) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(proof, "HmacSHA512"));
        mac.update(new byte[] {(byte) 0x80, 0x24, (byte) (hashAlg >> 8), (byte) hashAlg});
        return mac.doFinal(digest);
    }

    @Test
    void hashesAndTicketsWithTheHierarchyProof() throws Exception {
        TpmHarness h = TpmHarness.started();
        TpmCore core = TpmInternals.core(h.tpm());
        TpmReader r = h.ok(h.call(Commands.hash(ABC, TpmAlgId.SHA256, TpmHandles.RH_OWNER))).body();
        byte[] digest = r.tpm2b(64);
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Ticket t = Ticket.read(r);
        assertThat(t.tag()).isEqualTo(0x8024);
        assertThat(t.hierarchy()).isEqualTo(TpmHandles.RH_OWNER);
        assertThat(t.digest()).isEqualTo(expectedTicket(core.gp.storageProof, TpmAlgId.SHA256, digest));

        int[][] hierarchies = {{TpmHandles.RH_ENDORSEMENT}, {TpmHandles.RH_PLATFORM}};
        byte[][] proofs = {core.gp.endorsementProof, core.gp.platformProof};
        for (int i = 0; i < proofs.length; i++) {
            r = h.ok(h.call(Commands.hash(ABC, TpmAlgId.SHA1, hierarchies[i][0]))).body();
            digest = r.tpm2b(64);
            t = Ticket.read(r);
            assertThat(t.hierarchy()).isEqualTo(hierarchies[i][0]);
            assertThat(t.digest()).isEqualTo(expectedTicket(proofs[i], TpmAlgId.SHA1, digest));
        }
    }

    @Test
    void nullTicketForTheNullHierarchyAndForGeneratedData() throws Exception {
        TpmHarness h = TpmHarness.started();
        TpmReader r = h.ok(h.call(Commands.hash(ABC, TpmAlgId.SHA256, TpmHandles.RH_NULL))).body();
        r.tpm2b(64);
        assertThat(Ticket.read(r)).usingRecursiveComparison()
                .isEqualTo(new Ticket(0x8024, TpmHandles.RH_NULL, new byte[0]));

        byte[] generated = {(byte) 0xFF, 0x54, 0x43, 0x47, 0x00};
        r = h.ok(h.call(Commands.hash(generated, TpmAlgId.SHA256, TpmHandles.RH_OWNER))).body();
        assertThat(r.tpm2b(64)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(generated));
        assertThat(Ticket.read(r).hierarchy()).isEqualTo(TpmHandles.RH_NULL);

        // Data shorter than TPM_GENERATED_VALUE cannot impersonate an attestation: ticketed.
        r = h.ok(h.call(Commands.hash(new byte[] {(byte) 0xFF, 0x54}, TpmAlgId.SHA256, TpmHandles.RH_OWNER))).body();
        r.tpm2b(64);
        assertThat(Ticket.read(r).hierarchy()).isEqualTo(TpmHandles.RH_OWNER);
    }

    @Test
    void parameterErrors() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.hash(ABC, TpmAlgId.NULL, TpmHandles.RH_OWNER))).isEqualTo(0x2C3);
        assertThat(h.rc(Commands.hash(ABC, 0x0012, TpmHandles.RH_OWNER))).isEqualTo(0x2C3);
        assertThat(h.rc(Commands.hash(ABC, TpmAlgId.SHA256, TpmHandles.RH_LOCKOUT))).isEqualTo(0x3C4);
        assertThat(h.rc(Commands.hash(new byte[1024], TpmAlgId.SHA256, TpmHandles.RH_NULL))).isZero();
        assertThat(h.rc(Commands.hash(new byte[1025], TpmAlgId.SHA256, TpmHandles.RH_NULL))).isEqualTo(0x1D5);
    }

    @Test
    void nullProofChangesOnTpmResetOnly() throws Exception {
        TpmHarness h = TpmHarness.started();
        byte[] before = nullTicketOf(h);
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(nullTicketOf(h)).as("TPM Restart keeps the null proof").isEqualTo(before);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(nullTicketOf(h)).as("TPM Reset changes it").isNotEqualTo(before);
    }

    private static byte[] nullTicketOf(TpmHarness h) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(ABC);
        return expectedTicket(TpmInternals.core(h.tpm()).proof(TpmHandles.RH_NULL), TpmAlgId.SHA256, digest);
    }
}
