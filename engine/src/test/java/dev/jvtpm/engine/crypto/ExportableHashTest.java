package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.types.HashAlg;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The resumable hash behind sequence objects: same digests as the JDK, from any saved point. */
class ExportableHashTest {
    @Test
    void resumingFromAnySplitGivesTheJdkDigest() throws Exception {
        Random random = new Random(42);
        for (HashAlg alg : HashAlg.values()) {
            for (int len : new int[] {0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 1000}) {
                byte[] data = new byte[len];
                random.nextBytes(data);
                int split = len == 0 ? 0 : random.nextInt(len + 1);
                ExportableHash h = ExportableHash.start(alg);
                h.update(java.util.Arrays.copyOf(data, split));
                ExportableHash resumed = ExportableHash.resume(alg, h.exportState());
                resumed.update(java.util.Arrays.copyOfRange(data, split, len));
                assertThat(resumed.digest()).as("%s of %d bytes split at %d", alg, len, split)
                        .isEqualTo(MessageDigest.getInstance(alg.jcaName()).digest(data));
            }
        }
    }

    /**
     * Saved sequence states live in volatile blobs: the encoding must not change under a
     * BouncyCastle upgrade without this test noticing.
     */
    @Test
    void savedStateEncodingIsPinned() {
        ExportableHash h = ExportableHash.start(HashAlg.SHA256).update("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(h.exportState())).isEqualTo(
                "616263000000000300000000000000036a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19"
                        + "0000000009");
        ExportableHash resumed = ExportableHash.resume(HashAlg.SHA256, HexFormat.of().parseHex(
                "616263000000000300000000000000036a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19"
                        + "0000000009"));
        assertThat(HexFormat.of().formatHex(resumed.digest()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void garbageStateIsRefused() {
        assertThatThrownBy(() -> ExportableHash.resume(HashAlg.SHA512, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
