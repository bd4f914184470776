package dev.jvtpm.engine.testing;

import java.nio.ByteBuffer;

/**
 * Policy digests computed from the Part 3 §23 formulas with JCA hashes, the way a policy author
 * (tpm2-tools' trial sessions, TSS policy calculators) computes them offline: each method takes
 * the current digest and returns the next one.
 */
public final class PolicyCalc {
    public static final int CC_POLICY_SECRET = 0x151;
    public static final int CC_POLICY_SIGNED = 0x160;
    public static final int CC_POLICY_OR = 0x171;
    public static final int CC_POLICY_PCR = 0x17F;
    public static final int CC_POLICY_LOCALITY = 0x16F;
    public static final int CC_POLICY_COUNTER_TIMER = 0x16D;
    public static final int CC_POLICY_COMMAND_CODE = 0x16C;
    public static final int CC_POLICY_PHYSICAL_PRESENCE = 0x187;
    public static final int CC_POLICY_CP_HASH = 0x16E;
    public static final int CC_POLICY_NAME_HASH = 0x170;
    public static final int CC_POLICY_DUPLICATION_SELECT = 0x188;
    public static final int CC_POLICY_AUTHORIZE = 0x16A;
    public static final int CC_POLICY_AUTH_VALUE = 0x16B;
    public static final int CC_POLICY_NV_WRITTEN = 0x18F;
    public static final int CC_POLICY_TEMPLATE = 0x190;
    public static final int CC_POLICY_NV = 0x149;
    public static final int CC_POLICY_AUTHORIZE_NV = 0x192;

    private final int alg;

    public PolicyCalc(int hashAlg) {
        this.alg = hashAlg;
    }

    public byte[] zero() {
        return new byte[SessionClient.digestSize(alg)];
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static byte[] u16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    /** H(old ‖ cc ‖ parts...). */
    public byte[] extend(byte[] old, int cc, byte[]... parts) {
        byte[][] all = new byte[parts.length + 2][];
        all[0] = old;
        all[1] = u32(cc);
        System.arraycopy(parts, 0, all, 2, parts.length);
        return SessionClient.hash(alg, all);
    }

    public byte[] authValue(byte[] old) {
        return extend(old, CC_POLICY_AUTH_VALUE);
    }

    /** PolicyPassword extends with TPM_CC_PolicyAuthValue, the same digest. */
    public byte[] password(byte[] old) {
        return authValue(old);
    }

    public byte[] physicalPresence(byte[] old) {
        return extend(old, CC_POLICY_PHYSICAL_PRESENCE);
    }

    public byte[] commandCode(byte[] old, int code) {
        return extend(old, CC_POLICY_COMMAND_CODE, u32(code));
    }

    public byte[] cpHash(byte[] old, byte[] cpHashA) {
        return extend(old, CC_POLICY_CP_HASH, cpHashA);
    }

    public byte[] nameHash(byte[] old, byte[] nameHash) {
        return extend(old, CC_POLICY_NAME_HASH, nameHash);
    }

    public byte[] template(byte[] old, byte[] templateHash) {
        return extend(old, CC_POLICY_TEMPLATE, templateHash);
    }

    public byte[] locality(byte[] old, int locality) {
        return extend(old, CC_POLICY_LOCALITY, new byte[] {(byte) locality});
    }

    public byte[] nvWritten(byte[] old, boolean set) {
        return extend(old, CC_POLICY_NV_WRITTEN, new byte[] {(byte) (set ? 1 : 0)});
    }

    /** PolicySecret / PolicySigned / PolicyTicket: H(H(old ‖ cc ‖ name) ‖ policyRef). */
    public byte[] secret(byte[] old, byte[] authName, byte[] policyRef) {
        return SessionClient.hash(alg, extend(old, CC_POLICY_SECRET, authName), policyRef);
    }

    public byte[] signed(byte[] old, byte[] keyName, byte[] policyRef) {
        return SessionClient.hash(alg, extend(old, CC_POLICY_SIGNED, keyName), policyRef);
    }

    public byte[] or(byte[]... digests) {
        return extend(zero(), CC_POLICY_OR, digests);
    }

    /** PolicyPCR with the (already filtered) marshalled TPML_PCR_SELECTION and the PCR digest. */
    public byte[] pcr(byte[] old, byte[] selection, byte[] pcrDigest) {
        return extend(old, CC_POLICY_PCR, selection, pcrDigest);
    }

    public byte[] counterTimer(byte[] old, byte[] operandB, int offset, int operation) {
        byte[] args = SessionClient.hash(alg, operandB, u16(offset), u16(operation));
        return extend(old, CC_POLICY_COUNTER_TIMER, args);
    }

    /** PolicyNV: H(old ‖ cc ‖ H(operandB ‖ offset ‖ operation) ‖ nvName). */
    public byte[] nv(byte[] old, byte[] operandB, int offset, int operation, byte[] nvName) {
        byte[] args = SessionClient.hash(alg, operandB, u16(offset), u16(operation));
        return extend(old, CC_POLICY_NV, args, nvName);
    }

    public byte[] duplicationSelect(byte[] old, byte[] objectName, byte[] newParentName, boolean includeObject) {
        return includeObject
                ? extend(old, CC_POLICY_DUPLICATION_SELECT, objectName, newParentName, new byte[] {1})
                : extend(old, CC_POLICY_DUPLICATION_SELECT, newParentName, new byte[] {0});
    }

    /** PolicyAuthorize: from zeros, H(H(0 ‖ cc ‖ keySign) ‖ policyRef). */
    public byte[] authorize(byte[] keySign, byte[] policyRef) {
        return SessionClient.hash(alg, extend(zero(), CC_POLICY_AUTHORIZE, keySign), policyRef);
    }

    public byte[] authorizeNv(byte[] nvName) {
        return extend(zero(), CC_POLICY_AUTHORIZE_NV, nvName);
    }
}
