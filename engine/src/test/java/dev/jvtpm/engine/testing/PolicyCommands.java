package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import java.nio.ByteBuffer;

/** TPM2_Policy* commands as {@link SessionClient} calls on a policy or trial session handle. */
public final class PolicyCommands {
    private PolicyCommands() {}

    public static Call simple(int cc, int session) {
        return new Call(cc).handle(session);
    }

    public static Call authValue(int session) {
        return simple(0x16B, session);
    }

    public static Call password(int session) {
        return simple(0x18C, session);
    }

    public static Call physicalPresence(int session) {
        return simple(0x187, session);
    }

    public static Call restart(int session) {
        return simple(0x180, session);
    }

    public static Call getDigest(int session) {
        return simple(0x189, session);
    }

    public static Call commandCode(int session, int code) {
        return simple(0x16C, session).params(ByteBuffer.allocate(4).putInt(code).array());
    }

    public static Call cpHash(int session, byte[] cpHashA) {
        return simple(0x16E, session).params(SessionClient.tpm2b(cpHashA));
    }

    public static Call nameHash(int session, byte[] nameHash) {
        return simple(0x170, session).params(SessionClient.tpm2b(nameHash));
    }

    public static Call template(int session, byte[] templateHash) {
        return simple(0x190, session).params(SessionClient.tpm2b(templateHash));
    }

    public static Call locality(int session, int locality) {
        return simple(0x16F, session).params(new byte[] {(byte) locality});
    }

    public static Call nvWritten(int session, int writtenSet) {
        return simple(0x18F, session).params(new byte[] {(byte) writtenSet});
    }

    public static Call or(int session, byte[]... digests) {
        ByteBuffer b = ByteBuffer.allocate(4 + digests.length * 66).putInt(digests.length);
        for (byte[] d : digests) {
            b.putShort((short) d.length).put(d);
        }
        return simple(0x171, session).params(java.util.Arrays.copyOf(b.array(), b.position()));
    }

    /** PolicyPCR with one bank's selection bitmap (PCRs 0-23). */
    public static Call pcr(int session, byte[] pcrDigest, int bank, int bitmap) {
        return simple(0x17F, session).params(ByteBuffer.allocate(2 + pcrDigest.length + 10)
                .putShort((short) pcrDigest.length).put(pcrDigest).putInt(1).putShort((short) bank).put((byte) 3)
                .put((byte) bitmap).put((byte) (bitmap >>> 8)).put((byte) (bitmap >>> 16)).array());
    }

    /** The TPML_PCR_SELECTION PolicyPCR hashes for one bank. */
    public static byte[] selection(int bank, int bitmap) {
        return ByteBuffer.allocate(10).putInt(1).putShort((short) bank).put((byte) 3)
                .put((byte) bitmap).put((byte) (bitmap >>> 8)).put((byte) (bitmap >>> 16)).array();
    }

    public static Call counterTimer(int session, byte[] operandB, int offset, int operation) {
        return simple(0x16D, session).params(ByteBuffer.allocate(2 + operandB.length + 4)
                .putShort((short) operandB.length).put(operandB).putShort((short) offset).putShort((short) operation)
                .array());
    }

    public static Call duplicationSelect(int session, byte[] objectName, byte[] newParentName, int includeObject) {
        return simple(0x188, session).params(ByteBuffer.allocate(4 + objectName.length + newParentName.length + 1)
                .putShort((short) objectName.length).put(objectName).putShort((short) newParentName.length)
                .put(newParentName).put((byte) includeObject).array());
    }

    /** PolicySecret for {@code authHandle} (Name {@code authName}) authorized by {@code auth}. */
    public static Call secret(int authHandle, byte[] authName, Auth auth, int session, byte[] nonceTPM,
                              byte[] cpHashA, byte[] policyRef, int expiration) {
        return new Call(0x151).handle(authHandle, authName).handle(session).auth(auth)
                .params(ByteBuffer.allocate(6 + nonceTPM.length + cpHashA.length + policyRef.length + 4)
                        .putShort((short) nonceTPM.length).put(nonceTPM).putShort((short) cpHashA.length).put(cpHashA)
                        .putShort((short) policyRef.length).put(policyRef).putInt(expiration).array());
    }

    public static Call ticket(int session, byte[] timeout, byte[] cpHashA, byte[] policyRef, byte[] authName,
                              int tag, int hierarchy, byte[] ticketDigest) {
        return simple(0x172, session).params(ByteBuffer.allocate(8 + timeout.length + cpHashA.length
                        + policyRef.length + authName.length + 8 + ticketDigest.length)
                .putShort((short) timeout.length).put(timeout).putShort((short) cpHashA.length).put(cpHashA)
                .putShort((short) policyRef.length).put(policyRef).putShort((short) authName.length).put(authName)
                .putShort((short) tag).putInt(hierarchy).putShort((short) ticketDigest.length).put(ticketDigest)
                .array());
    }

    public static Call authorize(int session, byte[] approved, byte[] policyRef, byte[] keySign, int hierarchy,
                                 byte[] ticketDigest) {
        return simple(0x16A, session).params(ByteBuffer.allocate(8 + approved.length + policyRef.length
                        + keySign.length + 6 + ticketDigest.length)
                .putShort((short) approved.length).put(approved).putShort((short) policyRef.length).put(policyRef)
                .putShort((short) keySign.length).put(keySign).putShort((short) 0x8022).putInt(hierarchy)
                .putShort((short) ticketDigest.length).put(ticketDigest).array());
    }

    /** TPM2_PolicyNV: authHandle (owner, platform or the index) reads nvIndex with {@code auth}. */
    public static Call nv(int authHandle, byte[] authName, Auth auth, int nvIndex, byte[] nvName, int session,
                          byte[] operandB, int offset, int operation) {
        return new Call(0x149).handle(authHandle, authName).handle(nvIndex, nvName).handle(session).auth(auth)
                .params(ByteBuffer.allocate(2 + operandB.length + 4).putShort((short) operandB.length).put(operandB)
                        .putShort((short) offset).putShort((short) operation).array());
    }

    /** TPM2_PolicyAuthorizeNV: authHandle (owner, platform or the index) reads nvIndex with {@code auth}. */
    public static Call authorizeNv(int authHandle, byte[] authName, Auth auth, int nvIndex, byte[] nvName,
                                   int session) {
        return new Call(0x192).handle(authHandle, authName).handle(nvIndex, nvName).handle(session).auth(auth)
                .params(new byte[0]);
    }
}
