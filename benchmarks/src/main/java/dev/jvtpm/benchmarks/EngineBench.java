package dev.jvtpm.benchmarks;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whole TPM commands in process: command bytes in, response bytes out, through the dispatcher,
 * sessions and the chosen crypto, with state in memory. This is the place for command suites:
 * add a {@code @Benchmark} per command (build its bytes once in {@link #setup()}) as commands land
 * (CreatePrimary cached and cold, Create pooled and unpooled, Sign, ...), and gate ratios between
 * them in gate-ratios.tsv.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBench {
    @Param({"chain", "pure-java"})
    public String crypto;

    private Tpm tpm;
    private byte[] getRandom32;
    private byte[] pcrExtendSha256;

    @Setup
    public void setup() throws StateException {
        tpm = Tpm.create(TpmConfig.builder().stateStore(new InMemoryStateStore())
                .crypto(BenchProviders.suite(crypto)).build());
        tpm.init(false);
        if (tpm.startup(0) != 0) {
            throw new IllegalStateException("TPM2_Startup failed");
        }
        getRandom32 = command(TpmSt.NO_SESSIONS, TpmCc.GET_RANDOM, w -> w.u16(32));
        // PCR 16 (debug, extendable from any locality) with an empty-password session.
        pcrExtendSha256 = command(TpmSt.SESSIONS, TpmCc.PCR_EXTEND, w -> {
            w.u32(16);
            int mark = w.beginSized32();
            w.u32(TpmHandles.RS_PW).u16(0).u8(0).u16(0);
            w.endSized32(mark);
            w.u32(1).u16(TpmAlgId.SHA256).bytes(new byte[32]);
        });
        check(tpm.execute(getRandom32));
        check(tpm.execute(pcrExtendSha256));
    }

    private static byte[] command(int tag, int cc, java.util.function.Consumer<TpmWriter> body) {
        TpmWriter w = new TpmWriter();
        w.u16(tag).u32(0).u32(cc);
        body.accept(w);
        w.patchU32(2, w.size());
        return w.toByteArray();
    }

    private static void check(byte[] rsp) {
        int rc = ((rsp[6] & 0xFF) << 24) | ((rsp[7] & 0xFF) << 16) | ((rsp[8] & 0xFF) << 8) | (rsp[9] & 0xFF);
        if (rc != 0) {
            throw new IllegalStateException(String.format("command failed: 0x%03X", rc));
        }
    }

    @Benchmark
    public byte[] getRandom32() {
        return tpm.execute(getRandom32);
    }

    @Benchmark
    public byte[] pcrExtendSha256() {
        return tpm.execute(pcrExtendSha256);
    }
}
