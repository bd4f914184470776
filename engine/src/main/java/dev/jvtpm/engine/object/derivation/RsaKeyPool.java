package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RSA keys for TPM2_Create generated ahead of time: a bounded queue per key size (exponent
 * 65537), refilled by one daemon thread of low priority, so a Create usually takes a finished key
 * instead of searching primes (≈50-500 ms for RSA-2048) while the client waits. Keys are random,
 * drawn by the provider's own generator; a key is handed out once and never stored, so one pool may
 * serve every TPM instance of a JVM (that is what it is for). An empty queue, or another exponent,
 * falls back to generating on the spot. Capacity 0 makes it a plain on-demand generator.
 *
 * <p>Guarantee (as {@link RsaKeySource}): the modulus has exactly the requested bits and two primes
 * of half as many bits; {@code rng} and {@code signing} are ignored, the provider's random source
 * is used.
 */
public final class RsaKeyPool implements RsaKeySource, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RsaKeyPool.class.getName());
    private static final long POOLED_EXPONENT = 65537;

    private final RsaFamily rsa;
    private final int capacity;
    private final Map<Integer, BlockingQueue<RsaKeyPair>> queues = new ConcurrentHashMap<>();
    private final Object wake = new Object();
    private volatile boolean closed;
    private Thread refiller;

    /**
     * @param capacity keys kept per size (0: no pool)
     * @param prefill  key sizes to start filling at once (others start on first demand)
     */
    public RsaKeyPool(RsaFamily rsa, int capacity, List<Integer> prefill) {
        this.rsa = rsa;
        this.capacity = capacity;
        for (int bits : prefill) {
            demand(bits);
        }
    }

    /** An on-demand generator without pool. */
    public static RsaKeyPool unpooled(RsaFamily rsa) {
        return new RsaKeyPool(rsa, 0, List.of());
    }

    public int capacity() {
        return capacity;
    }

    /** Keys ready for {@code bits}. */
    public int available(int bits) {
        BlockingQueue<RsaKeyPair> q = queues.get(bits);
        return q == null ? 0 : q.size();
    }

    @Override
    public RsaKeyPair generate(int keyBits, long exponent, RandomSource rng, boolean signing) {
        if (capacity > 0 && exponent == POOLED_EXPONENT && !closed) {
            RsaKeyPair k = demand(keyBits).poll();
            wakeRefiller();
            if (k != null) {
                return k;
            }
        }
        return fresh(keyBits, exponent);
    }

    private RsaKeyPair fresh(int keyBits, long exponent) {
        RsaKeyComponents c = rsa.generate(keyBits, BigInteger.valueOf(exponent));
        return new RsaKeyPair(c.modulus(), exponent, c.p(), c.q());
    }

    private BlockingQueue<RsaKeyPair> demand(int bits) {
        BlockingQueue<RsaKeyPair> q = queues.computeIfAbsent(bits, b -> new ArrayBlockingQueue<>(Math.max(1, capacity)));
        if (capacity > 0) {
            startRefiller();
        }
        return q;
    }

    private synchronized void startRefiller() {
        if (refiller != null || closed) {
            return;
        }
        refiller = new Thread(this::refill, "jvtpm-rsa-key-pool");
        refiller.setDaemon(true);
        refiller.setPriority(Thread.MIN_PRIORITY);
        refiller.start();
    }

    private void wakeRefiller() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void refill() {
        while (!closed) {
            boolean filled = false;
            for (Map.Entry<Integer, BlockingQueue<RsaKeyPair>> e : queues.entrySet()) {
                BlockingQueue<RsaKeyPair> q = e.getValue();
                if (q.remainingCapacity() > 0 && !closed) {
                    try {
                        q.offer(fresh(e.getKey(), POOLED_EXPONENT));
                        filled = true;
                    } catch (RuntimeException ex) {
                        LOG.log(Level.WARNING, "RSA key pool: generation failed", ex);
                    }
                }
            }
            if (!filled) {
                synchronized (wake) {
                    try {
                        wake.wait(TimeUnit.SECONDS.toMillis(10));
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
            }
        }
    }

    /** Stops the refill thread and drops the keys. */
    @Override
    public void close() {
        closed = true;
        wakeRefiller();
        Thread t;
        synchronized (this) {
            t = refiller;
        }
        if (t != null) {
            t.interrupt();
        }
        queues.values().forEach(BlockingQueue::clear);
    }
}
