package dev.jvtpm.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The golden state of every released format (daemon/src/test/resources/golden/v1 and v2, each
 * written once through a real daemon; see their READMEs) decoded through the engine's own API: the
 * sealed files open with their key through {@link EncryptedFileStateStore}, the plaintext blobs have
 * the header and section versions of their format and verify, and a {@code Tpm} on a temporary copy
 * of the store resumes them with the values the generator put in.
 */
class GoldenStateTest {
    private static final CipherFamily AES = ProviderChain.javaOnly().resolve(ProviderPolicy.all()).ciphers();
    private static final String GOLDEN = "daemon/src/test/resources/golden/";
    private static final int SRK = 0x81000001;
    private static final byte[] INDEX_AUTH = ascii("golden index auth");
    /** The persistent section's tag in the permanent blob; its body starts with the section version. */
    private static final int PERSISTENT_SECTION = 1;

    /**
     * One golden set: its directory, the header versions its blobs carry (blob format, sealed
     * envelope), the persistent section's version, the NV data, the SRK's Name (from its random
     * storage seed) and TPM_PT_ALGORITHM_SET.
     */
    record Golden(String version, int blobFormat, int envelope, int persistentSection, String srkName,
            int algorithmSet) {
        byte[] data() {
            return ascii("jvtpm golden state, format " + version + ".");
        }

        @Override
        public String toString() {
            return version;
        }
    }

    static final List<Golden> GOLDENS = List.of(
            new Golden("v1", 1, 1, 1, "000bb1cbc52ccce3586872f30862e0e308eb2dc6417e6f580b7f0e6f89c51de06959", 0),
            new Golden("v2", 1, 1, 2, "000b464cf62ec5a95f2bd78a691bb65688227ffc6142b6c08e38eb50ab02e5853272",
                    0x4A565432));

    @TempDir
    Path tmp;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The golden directory of one version, found from the module directory the tests run in. */
    private static Path golden(Golden g) {
        String dir = GOLDEN + g.version();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(dir))) {
                return p.resolve(dir);
            }
        }
        throw new AssertionError(dir + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A store on a temporary copy of one variant: the engine writes its state back on Startup. */
    private EncryptedFileStateStore copyOf(Golden g, String variant) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(variant));
        try (Stream<Path> s = Files.list(golden(g).resolve(variant))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path key = Files.copy(golden(g).resolve("state.key"), tmp.resolve(variant + ".key"));
        return new EncryptedFileStateStore(dir, new KeyFileProvider(key, KeyMaterial.Format.HEX), 0600, AES);
    }

    private static byte[] pcrValue(String... events) throws Exception {
        byte[] v = new byte[32];
        for (String e : events) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(v);
            md.update(MessageDigest.getInstance("SHA-256").digest(ascii(e)));
            v = md.digest();
        }
        return v;
    }

    @ParameterizedTest
    @FieldSource("GOLDENS")
    void sealedFilesOpenAsBlobsOfTheirFormat(Golden g) throws Exception {
        EncryptedFileStateStore shutdown = copyOf(g, "shutdown-state");
        EncryptedFileStateStore running = copyOf(g, "store-volatile");
        for (var c : new Object[][] {{shutdown, BlobKind.PERMANENT}, {running, BlobKind.PERMANENT},
            {running, BlobKind.VOLATILE}}) {
            EncryptedFileStateStore store = (EncryptedFileStateStore) c[0];
            BlobKind kind = (BlobKind) c[1];
            byte[] sealed = store.readSealed(kind).orElseThrow();
            assertThat(new String(sealed, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("JVTPMENC");
            assertThat((sealed[8] & 0xFF) << 8 | (sealed[9] & 0xFF)).as("sealed envelope version")
                    .isEqualTo(g.envelope());
            byte[] blob = store.read(kind).orElseThrow();
            TpmReader r = new TpmReader(blob);
            assertThat(r.u32()).isEqualTo(StateBlobCodec.MAGIC);
            assertThat(r.u16()).as(kind + " blob format version").isEqualTo(g.blobFormat());
            assertThat(r.u16()).isEqualTo(kind.ptmType());
            StateBlobCodec.verify(kind, blob, store.describe());
            if (kind == BlobKind.PERMANENT) {
                assertThat(persistentSectionVersion(r)).as("persistent section version")
                        .isEqualTo(g.persistentSection());
            }
        }
        assertThat(shutdown.read(BlobKind.VOLATILE)).isEmpty();
    }

    /** The first u16 of the persistent section, {@code r} standing at the section count. */
    private static int persistentSectionVersion(TpmReader r) throws Exception {
        int count = r.u16();
        for (int i = 0; i < count; i++) {
            int tag = r.u16();
            TpmReader body = r.slice(r.u32());
            if (tag == PERSISTENT_SECTION) {
                return body.u16();
            }
        }
        throw new AssertionError("no persistent section");
    }

    @ParameterizedTest
    @FieldSource("GOLDENS")
    void theEngineResumesTheShutdownState(Golden g) throws Exception {
        TpmHarness h = new TpmHarness(TpmConfig.builder().stateStore(copyOf(g, "shutdown-state")).build());
        h.powerOn();
        assertThat(h.rc(Commands.startup(TpmSu.STATE))).isZero();
        assertThat(h.pcr(TpmAlgId.SHA256, 0)).isEqualTo(pcrValue("golden pcr 0"));
        assertThat(h.pcr(TpmAlgId.SHA256, 7)).isEqualTo(pcrValue("golden pcr 7"));
        assertThat(h.pcr(TpmAlgId.SHA256, 10)).isEqualTo(pcrValue("golden pcr 10 a", "golden pcr 10 b"));
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).as("not state-saved").isEqualTo(new byte[32]);
        nvAndSrk(h, g);
    }

    @ParameterizedTest
    @FieldSource("GOLDENS")
    void theEngineResumesTheVolatileStateOnPowerOn(Golden g) throws Exception {
        TpmHarness h = new TpmHarness(TpmConfig.builder().stateStore(copyOf(g, "store-volatile")).build());
        h.powerOn();
        assertThat(h.tpm().isStarted()).as("resumed from the volatile blob without Startup").isTrue();
        assertThat(h.pcr(TpmAlgId.SHA256, 10)).isEqualTo(pcrValue("golden pcr 10 a", "golden pcr 10 b"));
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).isEqualTo(pcrValue("golden pcr 16"));
        nvAndSrk(h, g);
    }

    private static void nvAndSrk(TpmHarness h, Golden g) throws Exception {
        assertThat(NvTesting.read(h, 0x01500101, INDEX_AUTH, 0x01500101, 30, 0)).isEqualTo(g.data());
        assertThat(NvTesting.readU64(h, 0x01500102, INDEX_AUTH, 0x01500102)).isEqualTo(5);
        TpmReader r = h.ok(h.call(ObjectCommands.readPublic(SRK))).body();
        r.tpm2b(1024);
        assertThat(HexFormat.of().formatHex(r.tpm2b(68))).as("the persistent SRK's Name").isEqualTo(g.srkName());
        assertThat(h.property(TpmPt.ALGORITHM_SET)).as("TPM_PT_ALGORITHM_SET").isEqualTo(g.algorithmSet());
    }
}
