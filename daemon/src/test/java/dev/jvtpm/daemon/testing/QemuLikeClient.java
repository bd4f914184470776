package dev.jvtpm.daemon.testing;

import dev.jvtpm.nativebridge.UnixSockets;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Talks to a daemon the way QEMU's tpm_emulator backend does (reference §3): one persistent
 * Unix control connection, and a data channel handed over with CMD_SET_DATAFD through a
 * socketpair whose other end travels as SCM_RIGHTS with the write of {@code 00 00 00 10}.
 */
public final class QemuLikeClient implements AutoCloseable {
    private final Wire ctrl;
    private final java.util.List<Socket> sentEnds = new java.util.ArrayList<>();
    private Wire data;

    public QemuLikeClient(Path ctrlPath) throws IOException {
        this.ctrl = Wire.unix(ctrlPath);
    }

    public Wire ctrl() {
        return ctrl;
    }

    public Wire data() {
        return data;
    }

    /**
     * socketpair, SET_DATAFD with fds[1] attached, read the 4-byte result, keep fds[0] as the data
     * channel. QEMU then closes its copy of fds[1]; here it stays open until {@link #close}
     * because a junixsocket close would also shut down the daemon's duplicate (the daemon sees
     * the data channel's hang-up through fds[0] either way).
     */
    public String setDataFd() throws IOException {
        UnixSockets sockets = UnixSockets.get();
        Socket[] pair = sockets.socketPair();
        sockets.sendWithDescriptors(ctrl.socket(), Hex.bytes("00000010"), sockets.descriptorOf(pair[1]));
        String result = Hex.of(ctrl.read(4));
        sentEnds.add(pair[1]);
        if (result.equals("00000000")) {
            data = Wire.of(pair[0]);
        } else {
            pair[0].close();
        }
        return result;
    }

    /** One control exchange: the command, then exactly {@code responseLength} bytes (hex). */
    public String ask(String hex, int responseLength) throws IOException {
        return ctrl.exchange(hex, responseLength);
    }

    /** QEMU's reset sequence (§3.2): STOP, query, STOP, set the buffer size, INIT(0). */
    public void machineReset(int bufferSize) throws IOException {
        expect(ask("0000000e", 4), "00000000");
        ask("00000011 00000000", 16);
        expect(ask("0000000e", 4), "00000000");
        ask("00000011" + String.format("%08x", bufferSize), 16);
        expect(ask("00000002 00000000", 4), "00000000");
    }

    /** GET_STATEBLOB as QEMU's pre_save does it: result, flags and the blob (null when absent). */
    public Blob getStateBlob(int flags, int type) throws IOException {
        ctrl.send(ByteBuffer.allocate(16).putInt(0x0c).putInt(flags).putInt(type).putInt(0).array());
        ByteBuffer h = ByteBuffer.wrap(ctrl.read(16));
        int result = h.getInt();
        int stateFlags = h.getInt();
        int total = h.getInt();
        int length = h.getInt();
        if (total != length) {
            throw new AssertionError("totlength " + total + " != length " + length);
        }
        return new Blob(result, stateFlags, ctrl.read(length));
    }

    /** SET_STATEBLOB as QEMU's post_load does it: the 12-byte header and the blob in separate writes. */
    public String setStateBlob(int flags, int type, byte[] blob) throws IOException {
        ctrl.send(ByteBuffer.allocate(16).putInt(0x0d).putInt(flags).putInt(type).putInt(blob.length).array());
        if (blob.length > 0) {
            ctrl.send(blob);
        }
        return Hex.of(ctrl.read(4));
    }

    public record Blob(int result, int flags, byte[] bytes) {}

    private static void expect(String got, String want) {
        if (!got.equals(want)) {
            throw new AssertionError("expected " + want + ", got " + got);
        }
    }

    @Override
    public void close() throws IOException {
        ctrl.close();
        if (data != null) {
            data.close();
        }
        for (Socket s : sentEnds) {
            s.close();
        }
    }
}
