package dev.jvtpm.engine.state;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps blobs in memory: for tests, benchmarks and ephemeral instances whose state dies with
 * the process. Nothing is encrypted because nothing leaves the process.
 */
public final class InMemoryStateStore implements StateStore {
    private final Map<BlobKind, byte[]> blobs = new EnumMap<>(BlobKind.class);

    @Override
    public synchronized Optional<byte[]> read(BlobKind kind) {
        byte[] b = blobs.get(kind);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public synchronized void write(BlobKind kind, byte[] blob) {
        blobs.put(kind, blob.clone());
    }

    @Override
    public synchronized void delete(BlobKind kind) {
        blobs.remove(kind);
    }

    @Override
    public Optional<byte[]> readSealed(BlobKind kind) {
        return read(kind);
    }

    @Override
    public byte[] unseal(BlobKind kind, byte[] sealed) {
        return sealed.clone();
    }

    @Override
    public byte[] seal(BlobKind kind, byte[] plaintext) {
        return plaintext.clone();
    }

    @Override
    public boolean encrypted() {
        return false;
    }

    @Override
    public String describe() {
        return "memory";
    }
}
