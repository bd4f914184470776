package dev.jvtpm.daemon.data;

import dev.jvtpm.daemon.ctrl.DataFdTarget;
import dev.jvtpm.daemon.device.Vtpm;
import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.engine.TpmConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;

/**
 * The data channel: one connection at a time, as in swtpm, whether it was accepted from a
 * listener, inherited, or installed by CMD_SET_DATAFD. Each command is answered with one write.
 * With {@code keepConnection} false ({@code ,disconnect}) the connection is closed after each
 * answer; with {@code terminate} the daemon exits when a connection ends.
 */
public final class DataChannel implements DataFdTarget {
    private final Vtpm vtpm;
    private final DaemonLog log;
    private final boolean keepConnection;
    private final boolean terminate;
    private final int idleTimeoutMillis;
    private final Runnable onTerminate;
    private final Semaphore slot = new Semaphore(1);

    /**
     * @param onTerminate called when a connection ends and {@code terminate} is set
     */
    public DataChannel(Vtpm vtpm, DaemonLog log, boolean keepConnection, boolean terminate, int idleTimeoutMillis,
                       Runnable onTerminate) {
        this.vtpm = vtpm;
        this.log = log;
        this.keepConnection = keepConnection;
        this.terminate = terminate;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.onTerminate = onTerminate;
    }

    /** Accepts and serves clients of {@code listener} one after the other, on a thread of its own. */
    public void serveListener(ServerSocket listener) {
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        log.error("data channel: accept failed: " + e.getMessage());
                    }
                    return;
                }
                slot.acquireUninterruptibly();
                try {
                    serve(client);
                } finally {
                    slot.release();
                }
                ended();
            }
        }, "jvtpm-data-listener");
        t.setDaemon(true);
        t.start();
    }

    /** Serves an inherited, already connected socket ({@code -f}, {@code --server type=tcp,fd=}). */
    public void serveConnected(Socket connection) {
        slot.acquireUninterruptibly();
        startServing(connection);
    }

    @Override
    public boolean occupied() {
        return slot.availablePermits() == 0;
    }

    @Override
    public boolean offer(Socket connection) {
        if (!slot.tryAcquire()) {
            return false;
        }
        startServing(connection);
        return true;
    }

    private void startServing(Socket connection) {
        Thread t = new Thread(() -> {
            try {
                serve(connection);
            } finally {
                slot.release();
            }
            ended();
        }, "jvtpm-data");
        t.setDaemon(true);
        t.start();
    }

    private void ended() {
        if (terminate) {
            log.info("data connection ended; terminating (--terminate)");
            onTerminate.run();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException | RuntimeException notTcp) {
                // Unix sockets have no Nagle to turn off
            }
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            CommandReader reader = new CommandReader(socket, in, idleTimeoutMillis, TpmConfig.MAX_BUFFER_SIZE);
            log.debug("data client connected");
            while (true) {
                CommandFrame frame = reader.next();
                if (frame == null) {
                    log.debug("data client disconnected");
                    return;
                }
                byte[] cmd = frame.command();
                log.dump(" SWTPM_IO_Read:", cmd, 0, cmd.length);
                byte[] rsp = frame.prefixed() ? vtpm.executePrefixed(cmd, frame.locality()) : vtpm.execute(cmd);
                byte[] wire = frame.prefixed() ? withPrefix(rsp) : rsp;
                log.dump(" SWTPM_IO_Write:", wire, 0, wire.length);
                out.write(wire);
                out.flush();
                if (frame.framingLost()) {
                    log.error("data channel: command size field " + Integer.toUnsignedString(CommandReader.u32(cmd, 2))
                            + " outside [10, " + TpmConfig.MAX_BUFFER_SIZE + "]; closing the connection");
                    return;
                }
                if (!keepConnection) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            log.error("data channel: client stalled in the middle of a command for " + idleTimeoutMillis
                    + " ms; dropped");
        } catch (EOFException e) {
            log.debug("data channel: client disconnected in the middle of a command");
        } catch (IOException e) {
            log.debug("data channel: " + e.getMessage());
        }
    }

    /** tcti-mssim framing of the answer: {@code u32 size, response, u32 0}. */
    private static byte[] withPrefix(byte[] rsp) {
        return ByteBuffer.allocate(8 + rsp.length).putInt(rsp.length).put(rsp).putInt(0).array();
    }
}
