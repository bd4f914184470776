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
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden state of format v1 (daemon/src/test/resources/golden/v1, written once through a real
 * daemon; see its README) decoded through the engine's own API: the sealed files open with their
 * key through {@link EncryptedFileStateStore}, the plaintext blobs are format v1 and verify, and a
 * {@code Tpm} on a temporary copy of the store resumes them with the values the generator put in.
 */
class GoldenStateV1Test {
    private static final CipherFamily AES = ProviderChain.javaOnly().resolve(ProviderPolicy.all()).ciphers();
    private static final String GOLDEN = "daemon/src/test/resources/golden/v1";
    private static final int SRK = 0x81000001;
    private static final String SRK_NAME = "000bb1cbc52ccce3586872f30862e0e308eb2dc6417e6f580b7f0e6f89c51de06959";
    private static final byte[] INDEX_AUTH = ascii("golden index auth");

    @TempDir
    Path tmp;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The golden directory, found from the module directory the tests run in. */
    private static Path golden() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(GOLDEN))) {
                return p.resolve(GOLDEN);
            }
        }
        throw new AssertionError(GOLDEN + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A store on a temporary copy of one variant: the engine writes its state back on Startup. */
    private EncryptedFileStateStore copyOf(String variant) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(variant));
        try (Stream<Path> s = Files.list(golden().resolve(variant))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path key = Files.copy(golden().resolve("state.key"), tmp.resolve(variant + ".key"));
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

    @Test
    void sealedFilesOpenAsFormatV1Blobs() throws Exception {
        EncryptedFileStateStore shutdown = copyOf("shutdown-state");
        EncryptedFileStateStore running = copyOf("store-volatile");
        for (var c : new Object[][] {{shutdown, BlobKind.PERMANENT}, {running, BlobKind.PERMANENT},
            {running, BlobKind.VOLATILE}}) {
            EncryptedFileStateStore store = (EncryptedFileStateStore) c[0];
            BlobKind kind = (BlobKind) c[1];
            byte[] sealed = store.readSealed(kind).orElseThrow();
            assertThat(new String(sealed, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("JVTPMENC");
            assertThat((sealed[8] & 0xFF) << 8 | (sealed[9] & 0xFF)).as("sealed envelope version").isEqualTo(1);
            byte[] blob = store.read(kind).orElseThrow();
            TpmReader r = new TpmReader(blob);
            assertThat(r.u32()).isEqualTo(StateBlobCodec.MAGIC);
            assertThat(r.u16()).as(kind + " blob format version").isEqualTo(1);
            assertThat(r.u16()).isEqualTo(kind.ptmType());
            StateBlobCodec.verify(kind, blob, store.describe());
        }
        assertThat(shutdown.read(BlobKind.VOLATILE)).isEmpty();
    }

    @Test
    void theEngineResumesTheShutdownState() throws Exception {
        TpmHarness h = new TpmHarness(TpmConfig.builder().stateStore(copyOf("shutdown-state")).build());
        h.powerOn();
        assertThat(h.rc(Commands.startup(TpmSu.STATE))).isZero();
        assertThat(h.pcr(TpmAlgId.SHA256, 0)).isEqualTo(pcrValue("golden pcr 0"));
        assertThat(h.pcr(TpmAlgId.SHA256, 7)).isEqualTo(pcrValue("golden pcr 7"));
        assertThat(h.pcr(TpmAlgId.SHA256, 10)).isEqualTo(pcrValue("golden pcr 10 a", "golden pcr 10 b"));
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).as("not state-saved").isEqualTo(new byte[32]);
        nvAndSrk(h);
    }

    @Test
    void theEngineResumesTheVolatileStateOnPowerOn() throws Exception {
        TpmHarness h = new TpmHarness(TpmConfig.builder().stateStore(copyOf("store-volatile")).build());
        h.powerOn();
        assertThat(h.tpm().isStarted()).as("resumed from the volatile blob without Startup").isTrue();
        assertThat(h.pcr(TpmAlgId.SHA256, 10)).isEqualTo(pcrValue("golden pcr 10 a", "golden pcr 10 b"));
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).isEqualTo(pcrValue("golden pcr 16"));
        nvAndSrk(h);
    }

    private static void nvAndSrk(TpmHarness h) throws Exception {
        assertThat(NvTesting.read(h, 0x01500101, INDEX_AUTH, 0x01500101, 30, 0))
                .isEqualTo(ascii("jvtpm golden state, format v1."));
        assertThat(NvTesting.readU64(h, 0x01500102, INDEX_AUTH, 0x01500102)).isEqualTo(5);
        TpmReader r = h.ok(h.call(ObjectCommands.readPublic(SRK))).body();
        r.tpm2b(1024);
        assertThat(HexFormat.of().formatHex(r.tpm2b(68))).as("the persistent SRK's Name").isEqualTo(SRK_NAME);
    }
}
