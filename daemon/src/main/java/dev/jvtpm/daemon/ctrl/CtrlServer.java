package dev.jvtpm.daemon.ctrl;

import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.nativebridge.UnixSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The control channel's connection handling: exactly one client at a time (the next one waits
 * in the listen backlog, as with swtpm), a hang-up returns to accept, and nothing a client sends
 * can end the loop except CMD_SHUTDOWN.
 */
public final class CtrlServer {
    private final CtrlProcessor processor;
    private final UnixSockets sockets;
    private final DaemonLog log;
    private final Runnable onShutdown;

    /**
     * @param sockets native-bridge sockets when the endpoint may be a Unix socket (descriptors
     *     can then arrive with CMD_SET_DATAFD); null for the JDK's TCP sockets
     * @param onShutdown called after CMD_SHUTDOWN was answered
     */
    public CtrlServer(CtrlProcessor processor, UnixSockets sockets, DaemonLog log, Runnable onShutdown) {
        this.processor = processor;
        this.sockets = sockets;
        this.log = log;
        this.onShutdown = onShutdown;
    }

    public void serveListener(ServerSocket listener) {
        start(() -> {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        log.error("control channel: accept failed: " + e.getMessage());
                    }
                    return;
                }
                if (!serve(client)) {
                    return;
                }
            }
        });
    }

    /** Serves an inherited, already connected client ({@code clientfd=}); there is no next one. */
    public void serveConnected(Socket client) {
        start(() -> serve(client));
    }

    private void start(Runnable body) {
        Thread t = new Thread(body, "jvtpm-ctrl");
        t.setDaemon(true);
        t.start();
    }

    /** Returns false when the daemon is shutting down. */
    private boolean serve(Socket client) {
        try (client) {
            boolean carriesFds = sockets != null && sockets.isUnix(client);
            if (carriesFds) {
                sockets.enableDescriptorReceipt(client);
            } else {
                try {
                    client.setTcpNoDelay(true);
                } catch (IOException | RuntimeException notTcp) {
                    // an inherited non-TCP socket; nothing to tune
                }
            }
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            CtrlReader reader = new CtrlReader(client, in, carriesFds ? sockets : null);
            log.debug("control client connected");
            while (true) {
                CtrlMessage m = reader.read();
                if (m == null) {
                    log.debug("control client disconnected");
                    return true;
                }
                CtrlProcessor.Outcome outcome = processor.process(m, client, in, out);
                if (outcome == CtrlProcessor.Outcome.CLOSE) {
                    return true;
                }
                if (outcome == CtrlProcessor.Outcome.SHUTDOWN) {
                    onShutdown.run();
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("control client dropped: " + e);
            return true;
        }
    }
}
