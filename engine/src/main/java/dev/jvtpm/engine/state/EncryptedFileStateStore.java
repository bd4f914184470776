package dev.jvtpm.engine.state;

import dev.jvtpm.engine.crypto.CipherFamily;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * State blobs as AES-256-GCM sealed files in a directory, named as swtpm names them
 * ({@code tpm2-00.permall}, {@code tpm2-00.volatilestate}). Each write goes to a temporary file
 * that is fsynced, renamed over the old one, and then the directory is fsynced: a crash at any
 * instant leaves the old or the new blob, never a mix. A blob that fails to open (tampered,
 * truncated, wrong key) is reported with its path and left exactly as it is.
 *
 * <p>{@link #lock()} takes swtpm's {@code .lock} (a POSIX record lock, which is what the JDK's
 * FileChannel lock is on Linux), so a second process on the same directory is refused.
 */
public final class EncryptedFileStateStore implements StateStore, AutoCloseable {
    private final Path dir;
    private final KeyProvider keyProvider;
    private final Set<PosixFilePermission> fileMode;
    private final SealedEnvelope envelope;
    private StateKey key;
    private FileChannel lockChannel;
    private FileLock lock;

    /**
     * @param fileMode permissions of blob files, e.g. 0640 (swtpm's default) or 0600
     */
    public EncryptedFileStateStore(Path dir, KeyProvider keyProvider, int fileMode, CipherFamily aes) {
        this.dir = dir;
        this.keyProvider = keyProvider;
        this.fileMode = permissions(fileMode);
        this.envelope = new SealedEnvelope(aes);
    }

    public Path directory() {
        return dir;
    }

    public Path file(BlobKind kind) {
        return dir.resolve("tpm2-00." + kind.fileSuffix());
    }

    private synchronized StateKey key() throws StateException {
        if (key == null) {
            key = keyProvider.key();
        }
        return key;
    }

    /**
     * Takes the directory's {@code .lock}; idempotent.
     *
     * @throws StateException when another process (or another store in this JVM) holds it
     */
    public synchronized void lock() throws StateException {
        if (lock != null) {
            return;
        }
        Path lockFile = dir.resolve(".lock");
        try {
            lockChannel = FileChannel.open(lockFile, Set.<java.nio.file.OpenOption>of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw----")));
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeLockChannel();
            throw new StateException("cannot open lock file " + lockFile + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeLockChannel();
            throw new StateException("state directory " + dir + " is in use by another process (lock " + lockFile + ")");
        }
    }

    public synchronized boolean locked() {
        return lock != null;
    }

    /** Releases the lock. */
    @Override
    public synchronized void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            lock = null;
        }
        closeLockChannel();
    }

    private void closeLockChannel() {
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException ignored) {
                // nothing to recover
            }
            lockChannel = null;
        }
    }

    @Override
    public Optional<byte[]> read(BlobKind kind) throws StateException {
        Optional<byte[]> sealed = readSealed(kind);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(envelope.open(key(), kind, sealed.get(), file(kind).toString()));
    }

    @Override
    public Optional<byte[]> readSealed(BlobKind kind) throws StateException {
        Path f = file(kind);
        try {
            return Optional.of(Files.readAllBytes(f));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(BlobKind kind, byte[] blob) throws StateException {
        writeSealed(kind, envelope.seal(key(), kind, blob));
    }

    private void writeSealed(BlobKind kind, byte[] sealed) throws StateException {
        Path target = file(kind);
        Path tmp = dir.resolve("TMP2-00." + kind.fileSuffix());
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(tmp, Set.<java.nio.file.OpenOption>of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(fileMode))) {
                // The umask may have narrowed the mode at creation; set it exactly, before the
                // fsync, so that the mode is as durable as the bytes.
                Files.setPosixFilePermissions(tmp, fileMode);
                ByteBuffer buf = ByteBuffer.wrap(sealed);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StateException("file system of " + dir + " cannot rename atomically", e);
            }
            syncDirectory();
        } catch (IOException e) {
            throw new StateException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public void delete(BlobKind kind) throws StateException {
        try {
            if (Files.deleteIfExists(file(kind))) {
                syncDirectory();
            }
        } catch (IOException e) {
            throw new StateException("cannot delete " + file(kind) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unseal(BlobKind kind, byte[] sealed) throws StateException {
        return envelope.open(key(), kind, sealed, "sealed " + kind.fileSuffix() + " blob");
    }

    @Override
    public byte[] seal(BlobKind kind, byte[] plaintext) throws StateException {
        return envelope.seal(key(), kind, plaintext);
    }

    @Override
    public boolean encrypted() {
        return true;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(bits[i]);
            }
        }
        return s;
    }
}
