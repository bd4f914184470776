package dev.jvtpm.nativebridge.openssl;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Owns the native objects of one prepared key: an EVP_PKEY and, for ECC, the secret scalar as a
 * BIGNUM. Operations hold the read lock for their whole native call, so {@link #close()} (which
 * takes the write lock) can never free memory a running operation uses; a cleaner frees what an
 * unclosed, unreachable key leaves behind.
 */
final class NativeKey {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The cleaner's action: must not refer to the NativeKey, or it would never become unreachable. */
    private static final class Free implements Runnable {
        private final long pkey;
        private final long scalar;

        Free(long pkey, long scalar) {
            this.pkey = pkey;
            this.scalar = scalar;
        }

        @Override
        public void run() {
            if (pkey != 0) {
                LibCrypto.EVP_PKEY_free(pkey);
            }
            if (scalar != 0) {
                LibCrypto.BN_clear_free(scalar);
            }
        }
    }

    private final long pkey;
    private final long scalar;
    private final Cleaner.Cleanable cleanable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    NativeKey(long pkey, long scalar) {
        this.pkey = pkey;
        this.scalar = scalar;
        this.cleanable = CLEANER.register(this, new Free(pkey, scalar));
    }

    /** Pins the key for one operation and returns the EVP_PKEY; pair with {@link #release()} in finally. */
    long acquire() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new IllegalStateException("key closed");
        }
        return pkey;
    }

    /** The secret scalar BIGNUM (ECC), valid between acquire and release. */
    long scalar() {
        return scalar;
    }

    void release() {
        lock.readLock().unlock();
    }

    void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                cleanable.clean();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
