package dev.jvtpm.daemon.ctrl;

import dev.jvtpm.daemon.device.Vtpm;
import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.nativebridge.UnixSockets;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Executes control messages with swtpm 0.7.1's semantics (ctrlchannel_process_fd): the same
 * checks in the same order (running state first where swtpm checks it first, then body size),
 * the same result codes, error answers of only the 4-byte result, each answer in one write.
 */
public final class CtrlProcessor {
    /** What the channel does after a message. */
    public enum Outcome { CONTINUE, CLOSE, SHUTDOWN }

    /** GET_INFO returns at most this many characters per call (ptm_getinfo's buffer). */
    static final int INFO_CHUNK = 3072;
    /** swtpm reads HASH_DATA and SET_STATEBLOB remainders in chunks of its buffer size. */
    private static final int CHUNK = 4096;
    /**
     * Largest SET_STATEBLOB accepted; jvtpm's blobs are a few KiB. Larger requests are refused
     * with TPM_FAIL as swtpm's current code does (0.7.1 would try to allocate them).
     */
    static final int MAX_BLOB = 16 << 20;
    /** Rejected HASH_DATA/SET_STATEBLOB payloads up to this size are read and dropped to stay in sync. */
    private static final long MAX_DRAIN = 1 << 20;

    private final Vtpm vtpm;
    private final DataFdTarget dataTarget;
    private final UnixSockets sockets;
    private final DaemonLog log;
    private final int idleTimeoutMillis;

    /**
     * @param dataTarget where SET_DATAFD installs a data connection (null: no data channel)
     * @param sockets turns received descriptors into sockets (null when none can arrive)
     * @param idleTimeoutMillis how long a client may stall while sending a payload's remainder
     */
    public CtrlProcessor(Vtpm vtpm, DataFdTarget dataTarget, UnixSockets sockets, DaemonLog log,
                         int idleTimeoutMillis) {
        this.vtpm = vtpm;
        this.dataTarget = dataTarget;
        this.sockets = sockets;
        this.log = log;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    Outcome process(CtrlMessage m, Socket socket, InputStream in, OutputStream out) throws IOException {
        log.dump(" Ctrl Cmd:", m.buffer(), 0, Math.min(m.length(), 1024));
        if (m.length() < CtrlCommand.HEADER) {
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        int n = m.bodyLength();
        int cmd = m.command();
        if (cmd != CtrlCommand.SET_DATAFD) {
            closeReceived(m);
        }
        switch (cmd) {
            case CtrlCommand.GET_CAPABILITY:
                return answer(out, ByteBuffer.allocate(8).putLong(CtrlCommand.CAPABILITIES).array());
            case CtrlCommand.INIT: {
                if (n != 4) {
                    return answer(out, result(PtmResult.BAD_PARAMETER));
                }
                int flags = m.bodyU32(0);
                String failure = vtpm.powerOn((flags & 1) != 0);
                if (failure == null) {
                    log.info("CMD_INIT" + ((flags & 1) != 0 ? " (delete volatile)" : "") + ": TPM running");
                }
                return answer(out, result(failure == null ? PtmResult.SUCCESS : PtmResult.FAIL));
            }
            case CtrlCommand.STOP:
                if (n != 0) {
                    return answer(out, result(PtmResult.BAD_PARAMETER));
                }
                vtpm.powerOff();
                log.info("CMD_STOP: TPM stopped");
                return answer(out, result(PtmResult.SUCCESS));
            case CtrlCommand.SHUTDOWN:
                if (n != 0) {
                    return answer(out, result(PtmResult.BAD_PARAMETER));
                }
                vtpm.powerOff();
                log.info("CMD_SHUTDOWN: exiting");
                answer(out, result(PtmResult.SUCCESS));
                return Outcome.SHUTDOWN;
            case CtrlCommand.GET_TPMESTABLISHED:
                synchronized (vtpm) {
                    if (!vtpm.running()) {
                        return answer(out, result(PtmResult.BAD_ORDINAL));
                    }
                    if (n != 0) {
                        return answer(out, result(PtmResult.BAD_PARAMETER));
                    }
                    int bit = vtpm.engine().tpm().tpmEstablished() ? 1 : 0;
                    return answer(out, ByteBuffer.allocate(8).putInt(PtmResult.SUCCESS).put((byte) bit).array());
                }
            case CtrlCommand.RESET_TPMESTABLISHED:
                synchronized (vtpm) {
                    if (!vtpm.running()) {
                        return answer(out, result(PtmResult.BAD_ORDINAL));
                    }
                    if (n < 1) {
                        return answer(out, result(PtmResult.BAD_PARAMETER));
                    }
                    int loc = m.bodyU8(0);
                    boolean ok = loc <= 4 && vtpm.engine().tpm().resetTpmEstablished(loc);
                    return answer(out, result(ok ? PtmResult.SUCCESS : PtmResult.BAD_LOCALITY));
                }
            case CtrlCommand.SET_LOCALITY: {
                if (n < 1) {
                    return answer(out, result(PtmResult.BAD_PARAMETER));
                }
                int loc = m.bodyU8(0);
                if (!vtpm.localityAllowed(loc)) {
                    return answer(out, result(PtmResult.BAD_LOCALITY));
                }
                vtpm.setLocality(loc);
                return answer(out, result(PtmResult.SUCCESS));
            }
            case CtrlCommand.HASH_START:
            case CtrlCommand.HASH_END:
            case CtrlCommand.CANCEL_TPM_CMD:
            case CtrlCommand.STORE_VOLATILE:
                return simpleRunningCommand(cmd, n, out);
            case CtrlCommand.HASH_DATA:
                return hashData(m, socket, in, out);
            case CtrlCommand.GET_STATEBLOB: {
                byte[] response;
                synchronized (vtpm) {
                    if (!vtpm.running()) {
                        response = result(PtmResult.BAD_ORDINAL);
                    } else if (n < 12) {
                        response = result(PtmResult.BAD_PARAMETER);
                    } else {
                        response = BlobTransfer.get(vtpm, m.bodyU32(0), m.bodyU32(4), m.bodyU32(8));
                    }
                }
                // written without holding the TPM: a client slow to read must not stall the data channel
                return answer(out, response);
            }
            case CtrlCommand.SET_STATEBLOB:
                return setStateBlob(m, socket, in, out);
            case CtrlCommand.GET_CONFIG: {
                if (n != 0) {
                    return answer(out, result(PtmResult.BAD_PARAMETER));
                }
                var e = vtpm.engine();
                int flags = (e.store().encrypted() ? 1 : 0) | (e.migrationKey() != null ? 2 : 0);
                return answer(out, ByteBuffer.allocate(8).putInt(PtmResult.SUCCESS).putInt(flags).array());
            }
            case CtrlCommand.SET_DATAFD:
                return setDataFd(m, out);
            case CtrlCommand.SET_BUFFERSIZE:
                return setBufferSize(m, out);
            case CtrlCommand.GET_INFO:
                return getInfo(m, out);
            default:
                log.error("Error: Unknown command: 0x" + String.format("%08x", cmd));
                return answer(out, result(PtmResult.BAD_ORDINAL));
        }
    }

    private Outcome simpleRunningCommand(int cmd, int n, OutputStream out) throws IOException {
        synchronized (vtpm) {
            if (!vtpm.running()) {
                return answer(out, result(PtmResult.BAD_ORDINAL));
            }
            if (n != 0) {
                return answer(out, result(PtmResult.BAD_PARAMETER));
            }
            Tpm tpm = vtpm.engine().tpm();
            switch (cmd) {
                case CtrlCommand.HASH_START:
                    tpm.hashStart();
                    break;
                case CtrlCommand.HASH_END:
                    tpm.hashEnd();
                    break;
                case CtrlCommand.CANCEL_TPM_CMD:
                    tpm.cancel();
                    break;
                default:
                    try {
                        tpm.storeVolatile();
                    } catch (StateException e) {
                        log.error("Could not store the volatile state: " + e.getMessage());
                        return answer(out, result(PtmResult.FAIL));
                    }
                    break;
            }
            return answer(out, result(PtmResult.SUCCESS));
        }
    }

    private Outcome hashData(CtrlMessage m, Socket socket, InputStream in, OutputStream out) throws IOException {
        int n = m.bodyLength();
        long length = n >= 4 ? Integer.toUnsignedLong(m.bodyU32(0)) : 0;
        long available = n >= 4 ? Math.min(n - 4, length) : 0;
        if (!vtpm.running()) {
            answer(out, result(PtmResult.BAD_ORDINAL));
            return drain(socket, in, length - available);
        }
        if (n < 4) {
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        int start = CtrlCommand.HEADER + 4;
        vtpm.engine().tpm().hashData(Arrays.copyOfRange(m.buffer(), start, start + (int) available));
        long remaining = length - available;
        byte[] chunk = new byte[CHUNK];
        socket.setSoTimeout(idleTimeoutMillis);
        while (remaining > 0) {
            int r;
            try {
                r = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            } catch (SocketTimeoutException e) {
                r = -1;
            }
            if (r < 0) {
                log.error("HASH_DATA: the client stopped sending after " + (length - remaining) + " of "
                        + length + " bytes");
                answer(out, result(PtmResult.IOERROR));
                return Outcome.CLOSE;
            }
            vtpm.engine().tpm().hashData(Arrays.copyOf(chunk, r));
            remaining -= r;
        }
        return answer(out, result(PtmResult.SUCCESS));
    }

    private Outcome setStateBlob(CtrlMessage m, Socket socket, InputStream in, OutputStream out) throws IOException {
        int n = m.bodyLength();
        long length = n >= 12 ? Integer.toUnsignedLong(m.bodyU32(8)) : 0;
        long available = Math.max(0, n - 12);
        if (vtpm.running()) {
            answer(out, result(PtmResult.BAD_ORDINAL));
            return drain(socket, in, length - Math.min(available, length));
        }
        if (n < 12) {
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        if (available > length) {
            // swtpm: more data than the announced length is a bad parameter
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        if (length > MAX_BLOB) {
            log.error("SET_STATEBLOB: a blob of " + length + " bytes is larger than jvtpm accepts (" + MAX_BLOB + ")");
            answer(out, result(PtmResult.FAIL));
            return Outcome.CLOSE;
        }
        byte[] blob = new byte[(int) length];
        System.arraycopy(m.buffer(), CtrlCommand.HEADER + 12, blob, 0, (int) available);
        int have = (int) available;
        socket.setSoTimeout(idleTimeoutMillis);
        while (have < blob.length) {
            int r;
            try {
                r = in.read(blob, have, Math.min(CHUNK, blob.length - have));
            } catch (SocketTimeoutException e) {
                log.error("SET_STATEBLOB: the client stalled after " + have + " of " + length + " bytes");
                return Outcome.CLOSE;
            }
            if (r < 0) {
                log.error("SET_STATEBLOB: the client hung up after " + have + " of " + length + " bytes");
                answer(out, result(PtmResult.BAD_PARAMETER));
                return Outcome.CLOSE;
            }
            have += r;
        }
        return answer(out, result(BlobTransfer.set(vtpm, m.bodyU32(0), m.bodyU32(4), blob)));
    }

    private Outcome setDataFd(CtrlMessage m, OutputStream out) throws IOException {
        if (dataTarget == null || dataTarget.occupied()) {
            closeReceived(m);
            return answer(out, result(dataTarget == null ? PtmResult.BAD_PARAMETER : PtmResult.IOERROR));
        }
        if (m.fds().isEmpty() || sockets == null) {
            log.error("no valid data socket in message");
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        FileDescriptor fd = m.fds().get(0);
        for (int i = 1; i < m.fds().size(); i++) {
            sockets.close(m.fds().get(i));
        }
        Socket data;
        try {
            data = sockets.socketFromFd(fd);
        } catch (IOException | RuntimeException e) {
            sockets.close(fd);
            log.error("no valid data socket in message: " + e.getMessage());
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        if (!dataTarget.offer(data)) {
            data.close();
            return answer(out, result(PtmResult.IOERROR));
        }
        log.debug("CMD_SET_DATAFD: data channel installed");
        return answer(out, result(PtmResult.SUCCESS));
    }

    private Outcome setBufferSize(CtrlMessage m, OutputStream out) throws IOException {
        if (m.bodyLength() < 4) {
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        int requested = m.bodyU32(0);
        synchronized (vtpm) {
            if (requested != 0 && vtpm.running()) {
                return answer(out, result(PtmResult.BAD_ORDINAL));
            }
            Tpm tpm = vtpm.engine().tpm();
            int size = requested == 0 ? tpm.bufferSize() : tpm.setBufferSize(clampUnsigned(requested));
            return answer(out, ByteBuffer.allocate(16).putInt(PtmResult.SUCCESS).putInt(size)
                    .putInt(TpmConfig.MIN_BUFFER_SIZE).putInt(TpmConfig.MAX_BUFFER_SIZE).array());
        }
    }

    private static int clampUnsigned(int size) {
        return Integer.compareUnsigned(size, TpmConfig.MAX_BUFFER_SIZE) > 0 ? TpmConfig.MAX_BUFFER_SIZE : size;
    }

    private Outcome getInfo(CtrlMessage m, OutputStream out) throws IOException {
        if (m.bodyLength() < 16) {
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        long flags = ((long) m.bodyU32(0) << 32) | Integer.toUnsignedLong(m.bodyU32(4));
        long offset = Integer.toUnsignedLong(m.bodyU32(8));
        byte[] text = vtpm.engine().tpm().info(flags).getBytes(StandardCharsets.UTF_8);
        if (offset >= text.length) {
            return answer(out, result(PtmResult.BAD_PARAMETER));
        }
        int totalLength = text.length + 1; // the NUL terminator is part of the answer
        int length = (int) Math.min(totalLength - offset, INFO_CHUNK);
        ByteBuffer b = ByteBuffer.allocate(12 + length);
        b.putInt(PtmResult.SUCCESS).putInt(totalLength).putInt(length);
        int fromText = (int) Math.min(length, text.length - offset);
        b.put(text, (int) offset, fromText);
        return answer(out, b.array()); // remaining byte (if any) is the NUL, already zero
    }

    /** Reads and drops a payload that followed a refused command, so the next message parses. */
    private Outcome drain(Socket socket, InputStream in, long bytes) throws IOException {
        if (bytes <= 0) {
            return Outcome.CONTINUE;
        }
        if (bytes > MAX_DRAIN) {
            return Outcome.CLOSE;
        }
        socket.setSoTimeout(idleTimeoutMillis);
        try {
            in.skipNBytes(bytes);
            return Outcome.CONTINUE;
        } catch (IOException e) {
            return Outcome.CLOSE;
        }
    }

    private void closeReceived(CtrlMessage m) {
        if (sockets != null) {
            for (FileDescriptor fd : m.fds()) {
                sockets.close(fd);
            }
        }
    }

    private Outcome answer(OutputStream out, byte[] response) throws IOException {
        log.dump(" Ctrl Rsp:", response, 0, Math.min(response.length, 1024));
        out.write(response);
        out.flush();
        return Outcome.CONTINUE;
    }

    private static byte[] result(int code) {
        return ByteBuffer.allocate(4).putInt(code).array();
    }
}
