package dev.jvtpm.daemon.mssim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The debugging record GET_COMMAND_RESPONSE_SIZES returns and then clears: the largest command
 * and response seen, each with its command/response code. As in the reference simulator the
 * sizes are host-order (little-endian) integers and the codes are copied raw from the wire.
 */
final class CommandResponseSizes {
    private int largestCommandSize;
    private final byte[] largestCommand = new byte[4];
    private int largestResponseSize;
    private final byte[] largestResponse = new byte[4];

    synchronized void record(byte[] command, byte[] response) {
        if (command.length > largestCommandSize) {
            largestCommandSize = command.length;
            copyCode(command, largestCommand);
        }
        if (response.length > largestResponseSize) {
            largestResponseSize = response.length;
            copyCode(response, largestResponse);
        }
    }

    private static void copyCode(byte[] message, byte[] into) {
        for (int i = 0; i < 4; i++) {
            into[i] = 6 + i < message.length ? message[6 + i] : 0;
        }
    }

    /** The 16 bytes, then everything reset to zero. */
    synchronized byte[] takeSnapshot() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(largestCommandSize).put(largestCommand).putInt(largestResponseSize).put(largestResponse);
        largestCommandSize = 0;
        largestResponseSize = 0;
        java.util.Arrays.fill(largestCommand, (byte) 0);
        java.util.Arrays.fill(largestResponse, (byte) 0);
        return b.array();
    }
}
