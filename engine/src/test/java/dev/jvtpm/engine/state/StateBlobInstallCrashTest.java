package dev.jvtpm.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Permanent and volatile blobs set over the control channel (an incoming migration) replace two
 * files, which no file system replaces at once. A crash after any of the store's steps must leave
 * one TPM's permanent state with its own volatile state or none — never the new permanent state
 * with the old volatile state (which the next CMD_INIT would resume) or the reverse. The crash is
 * simulated by a store that fails every change after the first {@code n}.
 */
class StateBlobInstallCrashTest {
    private static final byte[] OLD_EVENT = "old".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW_EVENT = "new".getBytes(StandardCharsets.US_ASCII);

    /** Lets {@code changes} writes or deletes through, then fails every further one, as a dead process would. */
    private static final class CrashingStore implements StateStore {
        private final StateStore inner;
        private int changes;

        CrashingStore(StateStore inner, int changes) {
            this.inner = inner;
            this.changes = changes;
        }

        private void change() throws StateException {
            if (changes-- <= 0) {
                throw new StateException("simulated crash");
            }
        }

        @Override
        public Optional<byte[]> read(BlobKind kind) throws StateException {
            return inner.read(kind);
        }

        @Override
        public void write(BlobKind kind, byte[] blob) throws StateException {
            change();
            inner.write(kind, blob);
        }

        @Override
        public void delete(BlobKind kind) throws StateException {
            change();
            inner.delete(kind);
        }

        @Override
        public Optional<byte[]> readSealed(BlobKind kind) throws StateException {
            return inner.readSealed(kind);
        }

        @Override
        public byte[] unseal(BlobKind kind, byte[] sealed) throws StateException {
            return inner.unseal(kind, sealed);
        }

        @Override
        public byte[] seal(BlobKind kind, byte[] plaintext) throws StateException {
            return inner.seal(kind, plaintext);
        }

        @Override
        public boolean encrypted() {
            return inner.encrypted();
        }

        @Override
        public String describe() {
            return "crashing " + inner.describe();
        }
    }

    /** A TPM with PCR 10 extended by {@code event}, its volatile state stored: the store holds both blobs. */
    private static InMemoryStateStore tpmWith(byte[] event) throws StateException {
        InMemoryStateStore store = new InMemoryStateStore();
        TpmHarness h = TpmHarness.started(TpmConfig.builder().stateStore(store).build());
        h.ok(h.call(Commands.pcrEvent(10, event)));
        h.tpm().storeVolatile();
        return store;
    }

    private static String which(Optional<byte[]> blob, InMemoryStateStore old, InMemoryStateStore neu, BlobKind kind)
            throws StateException {
        if (blob.isEmpty()) {
            return "none";
        }
        if (Arrays.equals(blob.get(), old.read(kind).orElseThrow())) {
            return "old";
        }
        return Arrays.equals(blob.get(), neu.read(kind).orElseThrow()) ? "new" : "other";
    }

    @ParameterizedTest(name = "crash after {0} changes")
    @ValueSource(ints = {0, 1, 2, 3})
    void aCrashWhileInstallingBlobsNeverPairsOneTpmsPermanentStateWithAnothersVolatileState(int changes)
            throws Exception {
        InMemoryStateStore old = tpmWith(OLD_EVENT);
        InMemoryStateStore neu = tpmWith(NEW_EVENT);
        InMemoryStateStore disk = tpmWith(OLD_EVENT);
        // The same TPM as "old" on disk: copy old's exact blobs so they compare equal.
        for (BlobKind k : new BlobKind[] {BlobKind.PERMANENT, BlobKind.VOLATILE}) {
            disk.write(k, old.read(k).orElseThrow());
        }

        TpmHarness target = new TpmHarness(TpmConfig.builder().stateStore(new CrashingStore(disk, changes)).build());
        target.tpm().setStateBlob(BlobKind.PERMANENT, neu.read(BlobKind.PERMANENT).orElseThrow(), false);
        target.tpm().setStateBlob(BlobKind.VOLATILE, neu.read(BlobKind.VOLATILE).orElseThrow(), false);
        if (changes < 3) {
            assertThatThrownBy(() -> target.tpm().init(false)).isInstanceOf(StateException.class);
        } else {
            target.tpm().init(false);
        }

        String permanent = which(disk.read(BlobKind.PERMANENT), old, neu, BlobKind.PERMANENT);
        String vol = which(disk.read(BlobKind.VOLATILE), old, neu, BlobKind.VOLATILE);
        assertThat(permanent).isIn("old", "new");
        assertThat(vol).as("volatile blob next to the " + permanent + " permanent blob").isIn(permanent, "none");

        // And what the next power-on resumes is one consistent TPM.
        TpmHarness after = new TpmHarness(TpmConfig.builder().stateStore(disk).build());
        after.powerOn();
        if (vol.equals("none")) {
            assertThat(after.tpm().isStarted()).isFalse();
        } else {
            TpmHarness reference = new TpmHarness(TpmConfig.builder().stateStore(vol.equals("new") ? neu : old).build());
            reference.powerOn();
            assertThat(after.pcr(TpmAlgId.SHA256, 10)).isEqualTo(reference.pcr(TpmAlgId.SHA256, 10));
        }
    }
}
