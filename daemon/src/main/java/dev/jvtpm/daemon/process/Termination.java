package dev.jvtpm.daemon.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * How the daemon ends: any thread may ask for an exit (CMD_SHUTDOWN, --terminate, mssim STOP,
 * a fatal start-up error); the main thread then runs the clean-up steps, newest first, exactly
 * once. SIGTERM/SIGINT run the same clean-up from the JVM's shutdown hook.
 */
public final class Termination {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final Deque<Runnable> cleanups = new ArrayDeque<>();
    private volatile int exitCode;
    private boolean cleanedUp;

    public void requestExit(int code) {
        if (requested.getCount() > 0) {
            exitCode = code;
        }
        requested.countDown();
    }

    /** Waits for an exit request and returns its code. */
    public int await() {
        while (true) {
            try {
                requested.await();
                return exitCode;
            } catch (InterruptedException e) {
                // keep waiting: only a request ends the daemon
            }
        }
    }

    public synchronized void onCleanup(Runnable step) {
        cleanups.push(step);
    }

    /** Runs every clean-up step once; later calls do nothing. */
    public synchronized void cleanup() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().run();
            } catch (RuntimeException ignored) {
                // finish the other steps
            }
        }
    }

    /** Cleans up when the JVM is asked to exit by a signal. */
    public void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanup, "jvtpm-shutdown"));
    }
}
