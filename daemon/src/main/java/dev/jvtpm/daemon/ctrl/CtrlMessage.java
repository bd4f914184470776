package dev.jvtpm.daemon.ctrl;

import java.io.FileDescriptor;
import java.util.List;

/**
 * One control message as swtpm collects it: whatever arrived (up to 4 + 4100 bytes) until the
 * command's minimum length was present, and any descriptors that came with the first read.
 */
record CtrlMessage(byte[] buffer, int length, List<FileDescriptor> fds) {
    int command() {
        return CtrlCommand.u32(buffer, 0);
    }

    /** Bytes after the command word. */
    int bodyLength() {
        return length - CtrlCommand.HEADER;
    }

    int bodyU32(int offset) {
        return CtrlCommand.u32(buffer, CtrlCommand.HEADER + offset);
    }

    int bodyU8(int offset) {
        return buffer[CtrlCommand.HEADER + offset] & 0xFF;
    }
}
