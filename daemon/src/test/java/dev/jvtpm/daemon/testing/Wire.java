package dev.jvtpm.daemon.testing;

import dev.jvtpm.nativebridge.UnixSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** A raw client connection (control or data channel) that reads with timeouts, never hangs. */
public final class Wire implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Wire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static Wire tcp(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
        s.setTcpNoDelay(true);
        return new Wire(s);
    }

    public static Wire unix(Path path) throws IOException {
        return new Wire(UnixSockets.get().connect(path));
    }

    public static Wire of(Socket s) throws IOException {
        return new Wire(s);
    }

    public Socket socket() {
        return socket;
    }

    /** Writes {@code bytes} in one write. */
    public Wire send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public Wire send(String hex) throws IOException {
        return send(Hex.bytes(hex));
    }

    /** Exactly {@code n} bytes; fails if they do not come within the timeout. */
    public byte[] read(int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        try {
            while (got < n) {
                int r = in.read(b, got, n - got);
                if (r < 0) {
                    throw new AssertionError("connection closed after " + got + " of " + n + " bytes: "
                            + Hex.of(Arrays.copyOf(b, got)));
                }
                got += r;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("only " + got + " of " + n + " bytes within " + TIMEOUT + ": "
                    + Hex.of(Arrays.copyOf(b, got)));
        }
        return b;
    }

    /** Sends and reads exactly {@code responseLength} bytes, as hex. */
    public String exchange(String hex, int responseLength) throws IOException {
        send(hex);
        return Hex.of(read(responseLength));
    }

    /** A TPM response framed by its size field. */
    public byte[] readTpmResponse() throws IOException {
        byte[] header = read(10);
        int size = ((header[2] & 0xFF) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        byte[] rest = read(size - 10);
        byte[] all = Arrays.copyOf(header, size);
        System.arraycopy(rest, 0, all, 10, rest.length);
        return all;
    }

    public byte[] transact(byte[] command) throws IOException {
        send(command);
        return readTpmResponse();
    }

    /** Everything that arrives until the line is quiet for {@code quiet} (or closes). */
    public byte[] drain(Duration quiet) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        socket.setSoTimeout((int) quiet.toMillis());
        byte[] buf = new byte[8192];
        try {
            while (true) {
                int r = in.read(buf);
                if (r < 0) {
                    break;
                }
                all.write(buf, 0, r);
            }
        } catch (SocketTimeoutException quietNow) {
            // done
        }
        return all.toByteArray();
    }

    /** Whether the peer closes the connection within {@code within} (data before the close is discarded). */
    public boolean closedByPeer(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
