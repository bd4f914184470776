package dev.jvtpm.engine.command.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.KatFile;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.HexFormat;
import java.util.List;

/**
 * TPM2_CreatePrimary end to end against swtpm/libtpms 0.9.2 as the oracle: a jvtpm given the
 * hierarchy seeds and proofs read out of swtpm's state answers every CreatePrimary swtpm answered
 * (kat/derivation/swtpm-libtpms-0.9.2.properties) with the same public area, under the crypto
 * suite of each subclass (every provider policy here, OpenSSL in native-bridge), and again after
 * a power cycle.
 */
public abstract class CreatePrimaryKnownAnswers {
    static final KatFile KAT = KatFile.load("kat/derivation/swtpm-libtpms-0.9.2.properties");
    static final List<String> PRIMARIES = List.of(
            "owner.rsa2048.storage", "owner.rsa2048.sign.unique", "owner.rsa2048.sign.e65539",
            "owner.rsa3072.sign.sha384", "owner.rsa2048.storage.data", "owner.rsa2048.storage.auth",
            "owner.rsa2048.storage.sha1", "owner.ecc256.storage", "owner.ecc256.storage.outside",
            "owner.ecc256.sign.unique", "owner.ecc384.sign", "owner.ecc521.sign", "owner.hmac.sha256",
            "owner.hmac.sha512.userkey", "owner.sealed", "owner.aes128cfb", "owner.aes256cfb.storage",
            "owner.aes128cfb.userkey", "owner.aes128cfb.unique", "endorsement.ek.rsa2048", "endorsement.ek.ecc256",
            "endorsement.ecc256.storage", "endorsement.hmac.sha256", "platform.ecc256.sign");

    /** The crypto suite under test. */
    protected abstract CryptoSuite suite();

    /** Runs every swtpm primary through CreatePrimary; call from a @Test in the subclass. */
    protected void everyPrimaryIsSwtpms() throws Exception {
        TpmHarness tpm = TpmHarness.started(TpmConfig.builder().stateStore(new InMemoryStateStore()).crypto(suite()).build());
        useSwtpmSeeds(tpm);
        for (int round = 0; round < 2; round++) {
            for (String label : PRIMARIES) {
                assertThat(createPrimary(tpm, label)).as(label + " round " + round).isEqualTo(KAT.string(label + ".public"));
            }
            tpm.powerCycle();
            tpm.ok(tpm.call(dev.jvtpm.engine.testing.Commands.startup(0)));
            useSwtpmSeeds(tpm);
        }
    }

    /** Puts swtpm's seeds and proofs into the TPM (they are persistent; the next init reloads them from the store). */
    static void useSwtpmSeeds(TpmHarness tpm) {
        TpmCore core = TpmInternals.core(tpm.tpm());
        core.gp.storageSeed = KAT.bytes("seed.owner");
        core.gp.endorsementSeed = KAT.bytes("seed.endorsement");
        core.gp.platformSeed = KAT.bytes("seed.platform");
        core.gp.storageProof = KAT.bytes("proof.owner");
        core.gp.endorsementProof = KAT.bytes("proof.endorsement");
        core.gp.platformProof = KAT.bytes("proof.platform");
    }

    /** The outPublic of CreatePrimary for a KAT label (the created object is flushed again), as hex. */
    static String createPrimary(TpmHarness tpm, String label) throws Exception {
        String h = KAT.string(label + ".hierarchy");
        int hierarchy = h.equals("o") ? TpmHandles.RH_OWNER : h.equals("e") ? TpmHandles.RH_ENDORSEMENT : TpmHandles.RH_PLATFORM;
        byte[] template = KAT.bytes(label + ".template");
        byte[] params = new dev.jvtpm.engine.wire.TpmWriter()
                .bytes(ObjectCommands.sensitiveCreate(KAT.bytes(label + ".userAuth"), KAT.bytes(label + ".data")))
                .u16(template.length).bytes(template)
                .tpm2b(KAT.bytes(label + ".outsideInfo"))
                .bytes(ObjectCommands.noPcrs())
                .toByteArray();
        TpmHarness.Response r = tpm.ok(tpm.call(ObjectCommands.createPrimaryRaw(hierarchy, new byte[0], params)));
        TpmReader p = r.parameters(1);
        byte[] pub = p.tpm2b(1000);
        tpm.ok(tpm.call(dev.jvtpm.engine.testing.Commands.flushContext(r.body().u32())));
        return HexFormat.of().formatHex(pub);
    }
}
