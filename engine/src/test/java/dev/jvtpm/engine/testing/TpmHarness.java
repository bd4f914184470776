package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives an in-process {@link Tpm} with real command bytes, for engine tests. Builds commands
 * the way a TSS marshals them and splits responses into code and body.
 */
public final class TpmHarness {
    private final Tpm tpm;

    public TpmHarness(TpmConfig config) {
        this.tpm = Tpm.create(config);
    }

    /** A TPM with in-memory state, powered on and started with Startup(CLEAR). */
    public static TpmHarness started() {
        return started(TpmConfig.builder().build());
    }

    /** A TPM with {@code config}, powered on and started with Startup(CLEAR). */
    public static TpmHarness started(TpmConfig config) {
        TpmHarness h = new TpmHarness(config);
        h.powerOn();
        h.ok(h.call(Command.startup(0)));
        return h;
    }

    public Tpm tpm() {
        return tpm;
    }

    public void powerOn() {
        try {
            tpm.init(false);
        } catch (StateException e) {
            throw new AssertionError(e);
        }
    }

    public Response call(byte[] command) {
        return Response.parse(tpm.execute(command));
    }

    /**
     * Sends {@code command} again while the TPM answers TPM_RC_RETRY, as a TSS does (the first
     * DA-protected authorization after Startup is answered so, libtpms USE_DA_USED).
     */
    public Response callRetrying(byte[] command) {
        Response r = call(command);
        for (int i = 0; i < 3 && r.rc() == dev.jvtpm.engine.wire.TpmRc.RETRY; i++) {
            r = call(command);
        }
        return r;
    }

    /** Power cycle: _TPM_Init without deleting a stored volatile blob (swtpm's CMD_INIT 0). */
    public void powerCycle() {
        powerOn();
    }

    public TpmHarness locality(int locality) {
        tpm.setLocality(locality);
        return this;
    }

    /** The response code of {@code command}. */
    public int rc(byte[] command) {
        return call(command).rc();
    }

    /** The value of one PCR (asserting the read succeeds and returns it). */
    public byte[] pcr(int alg, int pcr) {
        TpmReader r = ok(call(Commands.pcrRead(alg, 1 << pcr))).body();
        try {
            r.u32();
            int banks = r.u32();
            for (int i = 0; i < banks; i++) {
                r.u16();
                r.skip(r.u8());
            }
            int n = r.u32();
            if (n != 1) {
                throw new AssertionError("PCR " + pcr + " of bank " + alg + " is not allocated");
            }
            return r.tpm2b(64);
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** pcrUpdateCounter as PCR_Read reports it. */
    public int pcrUpdateCounter() {
        try {
            return ok(call(Commands.pcrRead(0x000B, 0))).body().u32();
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** TPMS_TIME_INFO from ReadClock. */
    public record ClockInfo(long time, long clock, int resetCount, int restartCount, boolean safe) {}

    public ClockInfo readClock() {
        TpmReader r = ok(call(Commands.readClock())).body();
        try {
            return new ClockInfo(r.u64(), r.u64(), r.u32(), r.u32(), r.u8() != 0);
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** One TPM property (TPM_CAP_TPM_PROPERTIES), asserting it is reported. */
    public int property(int pt) {
        TpmReader r = ok(call(Commands.getCapability(dev.jvtpm.engine.types.TpmCap.TPM_PROPERTIES, pt, 1))).body();
        try {
            r.skip(1 + 4);
            if (r.u32() != 1 || r.u32() != pt) {
                throw new AssertionError("property " + Integer.toHexString(pt) + " is not reported");
            }
            return r.u32();
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A list of 32-bit entries from GetCapability (TPM_CAP_HANDLES, TPM_CAP_PP_COMMANDS,
     * TPM_CAP_AUDIT_COMMANDS): at most {@code count} from {@code first} on.
     */
    public List<Integer> capabilityList(int capability, int first, int count) {
        TpmReader r = ok(call(Commands.getCapability(capability, first, count))).body();
        try {
            r.skip(1 + 4);
            List<Integer> out = new ArrayList<>();
            for (int n = r.u32(); n > 0; n--) {
                out.add(r.u32());
            }
            return out;
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts success and returns the response. */
    public Response ok(Response r) {
        if (r.rc() != 0) {
            throw new AssertionError(String.format("expected success, got 0x%03X (%s)", r.rc(),
                    dev.jvtpm.engine.wire.TpmRc.describe(r.rc())));
        }
        return r;
    }

    /** A parsed response: tag, code, and the bytes after the header. */
    public record Response(int tag, int size, int rc, byte[] raw) {
        public static Response parse(byte[] raw) {
            TpmReader r = new TpmReader(raw);
            try {
                return new Response(r.u16(), r.u32(), r.u32(), raw);
            } catch (TpmException e) {
                throw new AssertionError("response shorter than a header: " + raw.length + " bytes");
            }
        }

        /** A reader positioned after the header. */
        public TpmReader body() {
            return new TpmReader(raw, 10, raw.length - 10);
        }

        /**
         * For TPM_ST_SESSIONS responses: a reader over the parameter area only (after handles,
         * which the caller skips by passing {@code handles}).
         */
        public TpmReader parameters(int handles) {
            TpmReader r = body();
            try {
                r.skip(4 * handles);
                if (tag == TpmSt.SESSIONS) {
                    int size = r.u32();
                    return r.slice(size);
                }
                return r;
            } catch (TpmException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Command byte builders. */
    public static final class Command {
        private Command() {}

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

        /** A command with handles, then one password session with {@code password}, then parameters. */
        public static byte[] withPassword(int cc, int[] handles, byte[] password, Consumer<TpmWriter> params) {
            return build(TpmSt.SESSIONS, cc, w -> {
                for (int h : handles) {
                    w.u32(h);
                }
                int mark = w.beginSized32();
                w.u32(TpmHandles.RS_PW).u16(0).u8(0).tpm2b(password);
                w.endSized32(mark);
                params.accept(w);
            });
        }

        public static byte[] startup(int type) {
            return noSessions(0x144, w -> w.u16(type));
        }

        public static byte[] shutdown(int type) {
            return noSessions(0x145, w -> w.u16(type));
        }

        public static byte[] getRandom(int n) {
            return noSessions(0x17B, w -> w.u16(n));
        }
    }
}
