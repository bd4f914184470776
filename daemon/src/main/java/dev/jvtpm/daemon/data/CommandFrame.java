package dev.jvtpm.daemon.data;

/**
 * One command read from the data channel.
 *
 * @param command the TPM command (for a lost frame, just its 10-byte header)
 * @param prefixed whether it came with the MS-simulator {@code TPM_SEND_COMMAND} prefix
 * @param locality the prefix's locality byte (when prefixed)
 * @param framingLost the size field was below 10 or above the largest command: the engine
 *     answers the header and the connection is closed, since where the next command starts is unknown
 */
record CommandFrame(byte[] command, boolean prefixed, int locality, boolean framingLost) {}
