package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.function.Consumer;

/**
 * Command bytes as a TSS marshals them, for the engine tests and the differential tests (which
 * send the same bytes to swtpm). Authorizations are password sessions; {@code pw} is the
 * password (empty for the default empty authValues).
 */
public final class Commands {
    private Commands() {}

    public static final byte[] EMPTY = new byte[0];

    public static byte[] build(int tag, int cc, Consumer<TpmWriter> body) {
        TpmWriter w = new TpmWriter();
        w.u16(tag).u32(0).u32(cc);
        body.accept(w);
        w.patchU32(2, w.size());
        return w.toByteArray();
    }

    public static byte[] noSessions(int cc, Consumer<TpmWriter> body) {
        return build(TpmSt.NO_SESSIONS, cc, body);
    }

    /** Handles, one password session per entry of {@code passwords}, then the parameters. */
    public static byte[] withPasswords(int cc, int[] handles, byte[][] passwords, Consumer<TpmWriter> params) {
        return build(TpmSt.SESSIONS, cc, w -> {
            for (int h : handles) {
                w.u32(h);
            }
            int mark = w.beginSized32();
            for (byte[] pw : passwords) {
                w.u32(TpmHandles.RS_PW).u16(0).u8(0).tpm2b(pw);
            }
            w.endSized32(mark);
            params.accept(w);
        });
    }

    public static byte[] withPassword(int cc, int handle, byte[] pw, Consumer<TpmWriter> params) {
        return withPasswords(cc, new int[] {handle}, new byte[][] {pw}, params);
    }

    // ---- start-up and testing ----

    public static byte[] startup(int type) {
        return noSessions(TpmCc.STARTUP, w -> w.u16(type));
    }

    public static byte[] shutdown(int type) {
        return noSessions(TpmCc.SHUTDOWN, w -> w.u16(type));
    }

    public static byte[] selfTest(boolean full) {
        return noSessions(TpmCc.SELF_TEST, w -> w.u8(full ? 1 : 0));
    }

    public static byte[] incrementalSelfTest(int... algs) {
        return noSessions(TpmCc.INCREMENTAL_SELF_TEST, w -> {
            w.u32(algs.length);
            for (int a : algs) {
                w.u16(a);
            }
        });
    }

    public static byte[] getTestResult() {
        return noSessions(TpmCc.GET_TEST_RESULT, w -> { });
    }

    /** TestParms with raw TPMT_PUBLIC_PARMS bytes. */
    public static byte[] testParms(byte[] parms) {
        return noSessions(TpmCc.TEST_PARMS, w -> w.bytes(parms));
    }

    // ---- random ----

    public static byte[] getRandom(int n) {
        return noSessions(TpmCc.GET_RANDOM, w -> w.u16(n));
    }

    public static byte[] stirRandom(byte[] data) {
        return noSessions(TpmCc.STIR_RANDOM, w -> w.tpm2b(data));
    }

    // ---- PCRs ----

    /** PCR_Read of the PCRs in {@code bitmap} of one bank. */
    public static byte[] pcrRead(int alg, int bitmap) {
        return noSessions(TpmCc.PCR_READ, w -> w.u32(1).u16(alg).u8(3)
                .u8(bitmap).u8(bitmap >>> 8).u8(bitmap >>> 16));
    }

    public static byte[] pcrExtend(int pcr, int alg, byte[] digest) {
        return withPassword(TpmCc.PCR_EXTEND, pcr, EMPTY, w -> w.u32(1).u16(alg).bytes(digest));
    }

    public static byte[] pcrEvent(int pcr, byte[] eventData) {
        return withPassword(TpmCc.PCR_EVENT, pcr, EMPTY, w -> w.tpm2b(eventData));
    }

    public static byte[] pcrReset(int pcr) {
        return withPassword(TpmCc.PCR_RESET, pcr, EMPTY, w -> { });
    }

    /** PCR_Allocate with platform auth; {@code banks} are pairs {alg, bitmap}. */
    public static byte[] pcrAllocate(byte[] platformPw, int[]... banks) {
        return withPassword(TpmCc.PCR_ALLOCATE, TpmHandles.RH_PLATFORM, platformPw, w -> {
            w.u32(banks.length);
            for (int[] b : banks) {
                w.u16(b[0]).u8(3).u8(b[1]).u8(b[1] >>> 8).u8(b[1] >>> 16);
            }
        });
    }

    // ---- hashing ----

    public static byte[] hash(byte[] data, int alg, int hierarchy) {
        return noSessions(TpmCc.HASH, w -> w.tpm2b(data).u16(alg).u32(hierarchy));
    }

    public static byte[] hashSequenceStart(byte[] auth, int alg) {
        return noSessions(TpmCc.HASH_SEQUENCE_START, w -> w.tpm2b(auth).u16(alg));
    }

    public static byte[] sequenceUpdate(int handle, byte[] pw, byte[] data) {
        return withPassword(TpmCc.SEQUENCE_UPDATE, handle, pw, w -> w.tpm2b(data));
    }

    /** SequenceUpdate sent without a session area (authorization missing). */
    public static byte[] noSessionsUpdate(int handle) {
        return noSessions(TpmCc.SEQUENCE_UPDATE, w -> w.u32(handle).u16(0));
    }

    public static byte[] sequenceComplete(int handle, byte[] pw, byte[] data, int hierarchy) {
        return withPassword(TpmCc.SEQUENCE_COMPLETE, handle, pw, w -> w.tpm2b(data).u32(hierarchy));
    }

    public static byte[] eventSequenceComplete(int pcr, int handle, byte[] pw, byte[] data) {
        return withPasswords(TpmCc.EVENT_SEQUENCE_COMPLETE, new int[] {pcr, handle}, new byte[][] {EMPTY, pw},
                w -> w.tpm2b(data));
    }

    // ---- clock ----

    public static byte[] readClock() {
        return noSessions(TpmCc.READ_CLOCK, w -> { });
    }

    public static byte[] clockSet(int auth, byte[] pw, long newTime) {
        return withPassword(TpmCc.CLOCK_SET, auth, pw, w -> w.u64(newTime));
    }

    public static byte[] clockRateAdjust(int auth, byte[] pw, int rateAdjust) {
        return withPassword(TpmCc.CLOCK_RATE_ADJUST, auth, pw, w -> w.u8(rateAdjust));
    }

    // ---- hierarchies ----

    public static byte[] hierarchyChangeAuth(int hierarchy, byte[] pw, byte[] newAuth) {
        return withPassword(TpmCc.HIERARCHY_CHANGE_AUTH, hierarchy, pw, w -> w.tpm2b(newAuth));
    }

    public static byte[] hierarchyControl(int auth, byte[] pw, int enable, boolean state) {
        return withPassword(TpmCc.HIERARCHY_CONTROL, auth, pw, w -> w.u32(enable).u8(state ? 1 : 0));
    }

    // ---- context and capability ----

    public static byte[] flushContext(int handle) {
        return noSessions(TpmCc.FLUSH_CONTEXT, w -> w.u32(handle));
    }

    public static byte[] getCapability(int cap, int property, int count) {
        return noSessions(TpmCc.GET_CAPABILITY, w -> w.u32(cap).u32(property).u32(count));
    }

    public static byte[] setPrimaryPolicy(int auth, byte[] pw, byte[] policy, int hashAlg) {
        return withPassword(TpmCc.SET_PRIMARY_POLICY, auth, pw, w -> w.tpm2b(policy).u16(hashAlg));
    }

    /** TPM2_PP_Commands with platform auth: setList then clearList (TPML_CC). */
    public static byte[] ppCommands(byte[] platformPw, int[] setList, int[] clearList) {
        return withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_PLATFORM, platformPw, w -> {
            w.u32(setList.length);
            for (int cc : setList) {
                w.u32(cc);
            }
            w.u32(clearList.length);
            for (int cc : clearList) {
                w.u32(cc);
            }
        });
    }

    public static byte[] setAlgorithmSet(int auth, byte[] pw, int algorithmSet) {
        return withPassword(TpmCc.SET_ALGORITHM_SET, auth, pw, w -> w.u32(algorithmSet));
    }

    public static byte[] pcrSetAuthPolicy(int auth, byte[] pw, byte[] policy, int hashAlg, int pcr) {
        return withPassword(TpmCc.PCR_SET_AUTH_POLICY, auth, pw, w -> w.tpm2b(policy).u16(hashAlg).u32(pcr));
    }

    public static byte[] pcrSetAuthValue(int pcr, byte[] pw, byte[] auth) {
        return withPassword(TpmCc.PCR_SET_AUTH_VALUE, pcr, pw, w -> w.tpm2b(auth));
    }

    public static byte[] clear(int auth, byte[] pw) {
        return withPassword(TpmCc.CLEAR, auth, pw, w -> { });
    }

    public static byte[] clearControl(int auth, byte[] pw, boolean disable) {
        return withPassword(TpmCc.CLEAR_CONTROL, auth, pw, w -> w.u8(disable ? 1 : 0));
    }

    public static byte[] changeEps(byte[] platformPw) {
        return withPassword(TpmCc.CHANGE_EPS, TpmHandles.RH_PLATFORM, platformPw, w -> { });
    }

    public static byte[] changePps(byte[] platformPw) {
        return withPassword(TpmCc.CHANGE_PPS, TpmHandles.RH_PLATFORM, platformPw, w -> { });
    }

    // ---- dictionary attack ----

    public static byte[] dictionaryAttackLockReset(byte[] lockoutPw) {
        return withPassword(TpmCc.DICTIONARY_ATTACK_LOCK_RESET, TpmHandles.RH_LOCKOUT, lockoutPw, w -> { });
    }

    public static byte[] dictionaryAttackParameters(byte[] lockoutPw, int maxTries, int recoveryTime,
                                                    int lockoutRecovery) {
        return withPassword(TpmCc.DICTIONARY_ATTACK_PARAMETERS, TpmHandles.RH_LOCKOUT, lockoutPw,
                w -> w.u32(maxTries).u32(recoveryTime).u32(lockoutRecovery));
    }

    // ---- NV ----

    /** TPMS_NV_PUBLIC bytes. */
    public static byte[] nvPublic(int nvIndex, int nameAlg, int attributes, byte[] authPolicy, int dataSize) {
        return new TpmWriter().u32(nvIndex).u16(nameAlg).u32(attributes).tpm2b(authPolicy).u16(dataSize)
                .toByteArray();
    }

    /** NV_DefineSpace with raw TPMS_NV_PUBLIC bytes (sent as a TPM2B). */
    public static byte[] nvDefineSpace(int auth, byte[] pw, byte[] indexAuth, byte[] nvPublic) {
        return withPassword(TpmCc.NV_DEFINE_SPACE, auth, pw, w -> w.tpm2b(indexAuth).tpm2b(nvPublic));
    }

    public static byte[] nvDefineSpace(int auth, byte[] pw, byte[] indexAuth, int nvIndex, int nameAlg,
                                       int attributes, byte[] authPolicy, int dataSize) {
        return nvDefineSpace(auth, pw, indexAuth, nvPublic(nvIndex, nameAlg, attributes, authPolicy, dataSize));
    }

    public static byte[] nvUndefineSpace(int auth, byte[] pw, int nvIndex) {
        return withPasswords(TpmCc.NV_UNDEFINE_SPACE, new int[] {auth, nvIndex}, new byte[][] {pw}, w -> { });
    }

    public static byte[] nvUndefineSpaceSpecial(int nvIndex, byte[] nvPw, byte[] platformPw) {
        return withPasswords(TpmCc.NV_UNDEFINE_SPACE_SPECIAL, new int[] {nvIndex, TpmHandles.RH_PLATFORM},
                new byte[][] {nvPw, platformPw}, w -> { });
    }

    public static byte[] nvReadPublic(int nvIndex) {
        return noSessions(TpmCc.NV_READ_PUBLIC, w -> w.u32(nvIndex));
    }

    public static byte[] nvWrite(int auth, byte[] pw, int nvIndex, byte[] data, int offset) {
        return withPasswords(TpmCc.NV_WRITE, new int[] {auth, nvIndex}, new byte[][] {pw},
                w -> w.tpm2b(data).u16(offset));
    }

    public static byte[] nvIncrement(int auth, byte[] pw, int nvIndex) {
        return withPasswords(TpmCc.NV_INCREMENT, new int[] {auth, nvIndex}, new byte[][] {pw}, w -> { });
    }

    public static byte[] nvExtend(int auth, byte[] pw, int nvIndex, byte[] data) {
        return withPasswords(TpmCc.NV_EXTEND, new int[] {auth, nvIndex}, new byte[][] {pw}, w -> w.tpm2b(data));
    }

    public static byte[] nvSetBits(int auth, byte[] pw, int nvIndex, long bits) {
        return withPasswords(TpmCc.NV_SET_BITS, new int[] {auth, nvIndex}, new byte[][] {pw}, w -> w.u64(bits));
    }

    public static byte[] nvWriteLock(int auth, byte[] pw, int nvIndex) {
        return withPasswords(TpmCc.NV_WRITE_LOCK, new int[] {auth, nvIndex}, new byte[][] {pw}, w -> { });
    }

    public static byte[] nvGlobalWriteLock(int auth, byte[] pw) {
        return withPassword(TpmCc.NV_GLOBAL_WRITE_LOCK, auth, pw, w -> { });
    }

    public static byte[] nvRead(int auth, byte[] pw, int nvIndex, int size, int offset) {
        return withPasswords(TpmCc.NV_READ, new int[] {auth, nvIndex}, new byte[][] {pw},
                w -> w.u16(size).u16(offset));
    }

    public static byte[] nvReadLock(int auth, byte[] pw, int nvIndex) {
        return withPasswords(TpmCc.NV_READ_LOCK, new int[] {auth, nvIndex}, new byte[][] {pw}, w -> { });
    }

    public static byte[] nvChangeAuth(int nvIndex, byte[] pw, byte[] newAuth) {
        return withPassword(TpmCc.NV_CHANGE_AUTH, nvIndex, pw, w -> w.tpm2b(newAuth));
    }
}
