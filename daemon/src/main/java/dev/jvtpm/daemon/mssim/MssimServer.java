package dev.jvtpm.daemon.mssim;

import static dev.jvtpm.daemon.mssim.MssimProtocol.*;

import dev.jvtpm.daemon.device.Vtpm;
import dev.jvtpm.daemon.log.DaemonLog;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * The MS-simulator protocol on two ports, as ms-tpm-20-ref's TcpServer.c serves it: TPM
 * commands on the command port, power/NV/physical-presence/cancel signals on the platform port.
 * Each port serves one persistent client at a time. The TPM starts powered off unless
 * {@code --flags} say otherwise; POWER_ON is _TPM_Init (a no-op when already on), RESET re-inits
 * a powered TPM, POWER_OFF stops it. NV_ON/OFF, KEY_CACHE_ON/OFF and RESTART (a timer restart)
 * are acknowledged without effect: the engine models neither NV unavailability nor a key
 * cache, and its clock is the host's.
 */
public final class MssimServer {
    private final Vtpm vtpm;
    private final DaemonLog log;
    private final int idleTimeoutMillis;
    private final Runnable onStop;
    private final CommandResponseSizes sizes = new CommandResponseSizes();

    /**
     * @param onStop called for the STOP command (the simulator exits)
     */
    public MssimServer(Vtpm vtpm, DaemonLog log, int idleTimeoutMillis, Runnable onStop) {
        this.vtpm = vtpm;
        this.log = log;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.onStop = onStop;
    }

    public void start(ServerSocket commandPort, ServerSocket platformPort) {
        startLoop(commandPort, true, "jvtpm-mssim-command");
        startLoop(platformPort, false, "jvtpm-mssim-platform");
    }

    private void startLoop(ServerSocket listener, boolean commandPort, String name) {
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return;
                }
                boolean keepServing;
                try (client) {
                    client.setTcpNoDelay(true);
                    keepServing = commandPort ? serveCommands(client) : servePlatform(client);
                } catch (IOException e) {
                    log.debug("mssim " + (commandPort ? "command" : "platform") + " client: " + e.getMessage());
                    keepServing = true;
                }
                if (!keepServing) {
                    log.info("mssim STOP: exiting");
                    onStop.run();
                    return;
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Serves one command-port client; false when it asked the simulator to stop. */
    private boolean serveCommands(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (true) {
            Integer command = nextCommand(s, in);
            if (command == null) {
                return true;
            }
            s.setSoTimeout(idleTimeoutMillis);
            try {
                switch (command) {
                    case SEND_COMMAND: {
                        int locality = in.readUnsignedByte();
                        byte[] request = readVarBytes(in);
                        if (request == null) {
                            return true;
                        }
                        byte[] response = vtpm.running() ? vtpm.executeAt(request, locality) : new byte[0];
                        sizes.record(request, response);
                        write(out, ByteBuffer.allocate(8 + response.length).putInt(response.length).put(response)
                                .putInt(0).array());
                        break;
                    }
                    case HASH_START:
                        vtpm.engine().tpm().hashStart();
                        ack(out);
                        break;
                    case HASH_DATA: {
                        byte[] data = readVarBytes(in);
                        if (data == null) {
                            return true;
                        }
                        vtpm.engine().tpm().hashData(data);
                        ack(out);
                        break;
                    }
                    case HASH_END:
                        vtpm.engine().tpm().hashEnd();
                        ack(out);
                        break;
                    case REMOTE_HANDSHAKE: {
                        int clientVersion = in.readInt();
                        if (clientVersion == 0) {
                            log.error("mssim: unsupported client version 0");
                            return true;
                        }
                        write(out, ByteBuffer.allocate(12).putInt(SERVER_VERSION).putInt(SERVER_FLAGS).putInt(0).array());
                        break;
                    }
                    case SET_ALTERNATIVE_RESULT:
                        in.readInt(); // not applicable to a simulator
                        ack(out);
                        break;
                    case SESSION_END:
                        return true;
                    case STOP:
                        return false;
                    default:
                        log.error("mssim: unrecognized TPM interface command " + command);
                        return true;
                }
            } catch (EOFException | SocketTimeoutException e) {
                log.debug("mssim command client dropped mid-message: " + e);
                return true;
            }
        }
    }

    /** Serves one platform-port client; false when it asked the simulator to stop. */
    private boolean servePlatform(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (true) {
            Integer command = nextCommand(s, in);
            if (command == null) {
                return true;
            }
            switch (command) {
                case POWER_ON:
                    if (!vtpm.running()) {
                        vtpm.powerOn(false);
                    }
                    break;
                case POWER_OFF:
                    vtpm.powerOff();
                    break;
                case RESET:
                    synchronized (vtpm) {
                        if (vtpm.running()) {
                            vtpm.powerOn(false);
                        }
                    }
                    break;
                case PHYS_PRES_ON:
                case PHYS_PRES_OFF:
                    vtpm.engine().tpm().setPhysicalPresence(command == PHYS_PRES_ON);
                    break;
                case CANCEL_ON:
                    vtpm.engine().tpm().cancel();
                    break;
                case CANCEL_OFF:
                case NV_ON:
                case NV_OFF:
                case KEY_CACHE_ON:
                case KEY_CACHE_OFF:
                case RESTART:
                    log.debug("mssim platform signal " + command + " acknowledged (no effect in jvtpm)");
                    break;
                case GET_COMMAND_RESPONSE_SIZES:
                    write(out, ByteBuffer.allocate(4 + 16).putInt(16).put(sizes.takeSnapshot()).array());
                    break;
                case ACT_GET_SIGNALED:
                    s.setSoTimeout(idleTimeoutMillis);
                    try {
                        in.readInt();
                    } catch (EOFException | SocketTimeoutException e) {
                        return true;
                    }
                    write(out, ByteBuffer.allocate(4).putInt(0).array()); // jvtpm implements no ACTs
                    break;
                case SESSION_END:
                    return true;
                case STOP:
                    return false;
                default:
                    log.error("mssim: unrecognized platform interface command " + command);
                    write(out, ByteBuffer.allocate(4).putInt(1).array());
                    return true;
            }
            ack(out);
        }
    }

    /** The next command word, or null when the client closed the connection. */
    private static Integer nextCommand(Socket s, DataInputStream in) throws IOException {
        s.setSoTimeout(0);
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        byte[] rest = new byte[3];
        try {
            in.readFully(rest);
        } catch (EOFException e) {
            return null;
        }
        return (b0 << 24) | ((rest[0] & 0xFF) << 16) | ((rest[1] & 0xFF) << 8) | (rest[2] & 0xFF);
    }

    /** {@code u32 n, n bytes}; null (drop the client) above the reference's MAX_BUFFER. */
    private byte[] readVarBytes(DataInputStream in) throws IOException {
        long n = Integer.toUnsignedLong(in.readInt());
        if (n > MAX_BUFFER) {
            log.error("mssim: " + n + " bytes announced, more than " + MAX_BUFFER + "; dropping the client");
            return null;
        }
        byte[] b = new byte[(int) n];
        in.readFully(b);
        return b;
    }

    private static void ack(OutputStream out) throws IOException {
        write(out, new byte[4]);
    }

    private static void write(OutputStream out, byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }
}
