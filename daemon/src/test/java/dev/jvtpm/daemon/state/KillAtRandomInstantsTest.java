package dev.jvtpm.daemon.state;

import static dev.jvtpm.daemon.state.Answers.RC_STARTUP_STATE_REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crash test of the design's "State" promise (a crash at any instant leaves the old or the
 * new state, never a mix), against the real daemon process: a client loops through a power cycle
 * { CMD_INIT; Startup(STATE), or Startup(CLEAR) when that is refused; PCR_Extend(10, H(i));
 * NV_Increment; Shutdown(STATE) } while the test SIGKILLs the daemon at a random instant. A new
 * daemon on the same directory must power on (never refuse its own state), and what it shows —
 * whether Startup(STATE) resumes, PCR 10 after the resume, the counter read with NV_Read — must
 * be the state after the last acknowledged command or after the one in flight, nothing else.
 *
 * <p>PCR 10 stands for the platform's measurements: it is state-saved (PCR 16, the debug PCR, is
 * not saved by Shutdown(STATE), so it would show nothing). The counter index is NO_DA, so the
 * DA_USED deferral of the first DA-protected authorization after an unclean restart does not
 * apply. The instants come from a seeded Random; the seed is in every assertion message and can
 * be replayed with {@code -Djvtpm.killtest.seed=N}.
 */
class KillAtRandomInstantsTest {
    private static final int ROUNDS = 20;
    /** Kill instants are drawn from [0, MAX_DELAY_MS) after the client starts. */
    private static final int MAX_DELAY_MS = 400;
    private static final int PCR = 10;
    private static final int COUNTER = 0x01500031;
    private static final byte[] INDEX_AUTH = "ctr".getBytes(StandardCharsets.US_ASCII);

    private StateDirTpm tpm;

    @AfterEach
    void stop() throws Exception {
        if (tpm != null) {
            tpm.close();
        }
    }

    /** What survives a power loss: whether Startup(STATE) can resume, the PCR it resumes, the counter. */
    record Durable(boolean resumable, byte[] savedPcr, long counter) {
        Durable {
            savedPcr = resumable ? savedPcr.clone() : null;
        }

        Durable withCounter(long c) {
            return new Durable(resumable, savedPcr, c);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Durable d && resumable == d.resumable && counter == d.counter
                    && Arrays.equals(savedPcr, d.savedPcr);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(counter);
        }

        @Override
        public String toString() {
            return (resumable ? "resumable with PCR" + PCR + "=" + Answers.hex(savedPcr) : "not resumable")
                    + ", counter " + counter;
        }
    }

    /**
     * The looping client. Before each step it records the step and the durable state it leaves
     * if it completes ({@link #inFlight}); after the acknowledgement that becomes {@link #acked}.
     */
    private static final class Client implements Runnable {
        private final StateDirTpm tpm;
        private final AtomicBoolean killed;
        private int iteration;
        private Durable acked;
        private byte[] livePcr;
        volatile String inFlightStep = "none";
        volatile Durable inFlight;
        volatile Throwable failure;
        volatile int cycles;

        Client(StateDirTpm tpm, AtomicBoolean killed, Durable start, int firstIteration) {
            this.tpm = tpm;
            this.killed = killed;
            this.acked = start;
            this.iteration = firstIteration;
        }

        synchronized Durable acked() {
            return acked;
        }

        private synchronized void begin(String step, Durable ifDone) {
            inFlightStep = step;
            inFlight = ifDone;
        }

        private synchronized void ack(Durable now) {
            acked = now;
            inFlightStep = "between steps";
            inFlight = now;
        }

        @Override
        public void run() {
            try (Wire ctrl = Wire.tcp(tpm.ctrlPort()); Wire data = Wire.tcp(tpm.dataPort())) {
                while (true) {
                    iteration++;
                    begin("CMD_INIT", acked);
                    int init = ByteBuffer.wrap(ctrl.send(StateDirTpm.CMD_INIT).read(4)).getInt();
                    expect("CMD_INIT", init, 0);
                    ack(acked);

                    Durable afterStartup = new Durable(false, null, acked.counter());
                    begin("Startup(STATE)", afterStartup);
                    int rc = TpmCommands.rc(data.transact(Commands.startup(TpmSu.STATE)));
                    if (rc == 0) {
                        livePcr = acked.savedPcr();
                    } else {
                        expect("Startup(STATE)", rc, RC_STARTUP_STATE_REFUSED);
                        ack(acked);
                        begin("Startup(CLEAR)", afterStartup);
                        expect("Startup(CLEAR)", TpmCommands.rc(data.transact(Commands.startup(TpmSu.CLEAR))), 0);
                        livePcr = Answers.zeros();
                    }
                    ack(afterStartup);

                    byte[] event = TpmCommands.sha256(("event " + iteration).getBytes(StandardCharsets.US_ASCII));
                    begin("PCR_Extend", acked);
                    expect("PCR_Extend", TpmCommands.rc(data.transact(Commands.pcrExtend(PCR, TpmAlgId.SHA256,
                            event))), 0);
                    livePcr = Answers.extended(livePcr, event);
                    ack(acked);

                    Durable incremented = acked.withCounter(acked.counter() + 1);
                    begin("NV_Increment", incremented);
                    expect("NV_Increment", TpmCommands.rc(data.transact(Commands.nvIncrement(COUNTER, INDEX_AUTH,
                            COUNTER))), 0);
                    ack(incremented);

                    Durable saved = new Durable(true, livePcr, acked.counter());
                    begin("Shutdown(STATE)", saved);
                    expect("Shutdown(STATE)", TpmCommands.rc(data.transact(Commands.shutdown(TpmSu.STATE))), 0);
                    ack(saved);
                    cycles++;
                }
            } catch (Throwable t) {
                // The kill ends the loop with a broken connection; anything before it is a failure.
                if (!killed.get()) {
                    failure = t;
                }
            }
        }

        private void expect(String step, int rc, int want) {
            if (rc != want && !killed.get()) {
                throw new IllegalStateException(step + " answered 0x" + Integer.toHexString(rc) + " in iteration "
                        + iteration);
            }
        }

        int iteration() {
            return iteration;
        }
    }

    private byte[] call(String what, byte[] command) throws IOException {
        return Answers.ok(what, tpm.send(command));
    }

    /**
     * Powers on a freshly started daemon and reads the durable state: Startup(STATE), PCR 10 if it
     * resumed, else Startup(CLEAR); the counter. Leaves the TPM started.
     */
    private Durable observe(String context) throws IOException {
        assertThat(tpm.init()).as(context + ": CMD_INIT on the state the killed daemon left\n" + tpm.log()).isZero();
        int rc = tpm.rc(Commands.startup(TpmSu.STATE));
        byte[] pcr = null;
        if (rc == 0) {
            pcr = Answers.pcr(call("PCR_Read", Answers.pcrReadCommand(PCR)));
        } else {
            assertThat(Integer.toHexString(rc)).as(context + ": Startup(STATE) resumes or is refused with "
                    + "TPM_RC_VALUE").isEqualTo(Integer.toHexString(RC_STARTUP_STATE_REFUSED));
            call("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR));
        }
        long counter = Answers.counter(call("NV_Read", Commands.nvRead(COUNTER, INDEX_AUTH, COUNTER, 8, 0)));
        return new Durable(rc == 0, pcr, counter);
    }

    @Test
    void afterSigkillTheStateIsTheLastAcknowledgedOrTheInFlightOne() throws Exception {
        long seed = Long.getLong("jvtpm.killtest.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = "kill test seed " + seed;

        tpm = StateDirTpm.create(StateDirTpm.Kind.JVTPM).start();
        assertThat(tpm.init()).isZero();
        call("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR));
        call("NV_DefineSpace", Commands.nvDefineSpace(TpmHandles.RH_OWNER, new byte[0], INDEX_AUTH, COUNTER,
                TpmAlgId.SHA256, NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.NO_DA
                        | (NvAttributes.NT_COUNTER << 4), new byte[0], 8));
        call("NV_Increment", Commands.nvIncrement(COUNTER, INDEX_AUTH, COUNTER));
        long counter = Answers.counter(call("NV_Read", Commands.nvRead(COUNTER, INDEX_AUTH, COUNTER, 8, 0)));
        call("Shutdown(STATE)", Commands.shutdown(TpmSu.STATE));
        byte[] pcr;
        Durable state = new Durable(true, Answers.zeros(), counter);

        Map<String, Integer> killedIn = new TreeMap<>();
        int inFlightLanded = 0;
        int cycles = 0;
        int iteration = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            String context = run + ", round " + round;
            AtomicBoolean killed = new AtomicBoolean();
            Client client = new Client(tpm, killed, state, iteration);
            Thread thread = new Thread(client, "kill-test-client");
            int delay = random.nextInt(MAX_DELAY_MS);
            thread.start();
            Thread.sleep(delay);
            killed.set(true);
            tpm.sigkill();
            thread.join(30_000);
            assertThat(thread.isAlive()).as(context + ": the client ends when the daemon dies").isFalse();
            assertThat(client.failure).as(context + ": the loop before the kill").isNull();
            Durable before = client.acked();
            Durable after = client.inFlight;
            String step = client.inFlightStep;
            cycles += client.cycles;
            iteration = client.iteration();

            tpm.start();
            Durable observed = observe(context);
            String where = context + " (killed after " + delay + " ms, " + client.cycles + " full cycles, in "
                    + step + ")";
            assertThat(observed).as(where + ": the state after the last acknowledged step (" + before
                    + ") or after the step in flight (" + after + ")").isIn(before, after);
            killedIn.merge(step, 1, Integer::sum);
            if (!after.equals(before) && observed.equals(after)) {
                inFlightLanded++;
            }
            // The next round starts from what was observed: saved by Shutdown(STATE), or (every
            // other round, at random) left unclean, so that its client's first Startup(STATE) is
            // refused and it starts with Startup(CLEAR).
            if (random.nextBoolean()) {
                call("Shutdown(STATE)", Commands.shutdown(TpmSu.STATE));
                pcr = observed.resumable() ? observed.savedPcr() : Answers.zeros();
                state = new Durable(true, pcr, observed.counter());
            } else {
                state = new Durable(false, null, observed.counter());
            }
        }
        System.out.println(run + ": " + ROUNDS + " rounds, " + cycles + " full power cycles, killed in " + killedIn
                + "; in " + inFlightLanded + " rounds the step in flight had already become durable");
    }
}
