package dev.jvtpm.engine.differential;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * Speaks swtpm's socket protocol (swtpm-compat.md §1–2) to a server: TPM commands on one
 * persistent TCP data connection, platform signals as CMD_* messages on the control port. Works
 * against swtpm and, unchanged, against any swtpm-compatible daemon.
 *
 * <p>swtpm 0.7.1 does not frame commands by commandSize: it hands libtpms whatever one read()
 * returned. So each command is written with a single write, and exactly one response is read
 * back, framed by its own responseSize.
 */
public class SwtpmProtocolTarget implements TpmTarget {
    static final int CMD_INIT = 0x02;
    static final int CMD_SET_LOCALITY = 0x05;
    static final int CMD_HASH_START = 0x06;
    static final int CMD_HASH_DATA = 0x07;
    static final int CMD_HASH_END = 0x08;
    static final int CMD_STORE_VOLATILE = 0x0A;
    private static final int TIMEOUT_MS = 5000;

    private final String name;
    private final String host;
    private final int ctrlPort;
    private final Socket data;
    private final Socket ctrl;

    public SwtpmProtocolTarget(String name, String host, int dataPort, int ctrlPort) throws IOException {
        this.name = name;
        this.host = host;
        this.ctrlPort = ctrlPort;
        this.data = connect(host, dataPort);
        try {
            this.ctrl = connect(host, ctrlPort);
        } catch (IOException e) {
            data.close();
            throw e;
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] send(byte[] command) throws IOException {
        OutputStream out = data.getOutputStream();
        out.write(command);
        out.flush();
        InputStream in = data.getInputStream();
        byte[] header = readFully(in, 10);
        int size = ByteBuffer.wrap(header, 2, 4).getInt();
        if (size < 10 || size > 1 << 16) {
            throw new IOException(name + " sent a response of size " + size);
        }
        byte[] rsp = new byte[size];
        System.arraycopy(header, 0, rsp, 0, 10);
        System.arraycopy(readFully(in, size - 10), 0, rsp, 10, size - 10);
        return rsp;
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = new DataInputStream(in).readNBytes(n);
        if (b.length != n) {
            throw new IOException("connection closed after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** One control message (written in one write) and its 4-byte result, which must be 0. */
    private void control(ByteBuffer message) throws IOException {
        OutputStream out = ctrl.getOutputStream();
        out.write(message.array(), 0, message.position());
        out.flush();
        int result = ByteBuffer.wrap(readFully(ctrl.getInputStream(), 4)).getInt();
        if (result != 0) {
            throw new IOException(String.format("%s: control command %d failed with 0x%x", name,
                    message.getInt(0), result));
        }
    }

    @Override
    public void powerCycle() throws IOException {
        control(ByteBuffer.allocate(8).putInt(CMD_INIT).putInt(0));
    }

    @Override
    public void setLocality(int locality) throws IOException {
        control(ByteBuffer.allocate(5).putInt(CMD_SET_LOCALITY).put((byte) locality));
    }

    @Override
    public void hashStart() throws IOException {
        control(ByteBuffer.allocate(4).putInt(CMD_HASH_START));
    }

    @Override
    public void hashData(byte[] bytes) throws IOException {
        control(ByteBuffer.allocate(8 + bytes.length).putInt(CMD_HASH_DATA).putInt(bytes.length).put(bytes));
    }

    @Override
    public void hashEnd() throws IOException {
        control(ByteBuffer.allocate(4).putInt(CMD_HASH_END));
    }

    @Override
    public void storeVolatile() throws IOException {
        control(ByteBuffer.allocate(4).putInt(CMD_STORE_VOLATILE));
    }

    @Override
    public void close() throws IOException {
        try {
            data.close();
        } finally {
            ctrl.close();
        }
    }

    @Override
    public String toString() {
        return name + " at " + host + ":" + (ctrlPort - 1);
    }
}
