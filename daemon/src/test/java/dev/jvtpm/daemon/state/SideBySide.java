package dev.jvtpm.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TpmCommands;
import java.io.IOException;
import java.util.List;

/**
 * The jvtpm daemon and swtpm 0.7.1, each on a state directory of its own, driven through the same
 * steps: every command goes to both and the responses must be byte-for-byte identical (where the
 * TPMs' seeds make them differ, the test compares each TPM with itself instead).
 */
final class SideBySide implements AutoCloseable {
    final StateDirTpm jvtpm;
    final StateDirTpm swtpm;

    private SideBySide(StateDirTpm jvtpm, StateDirTpm swtpm) {
        this.jvtpm = jvtpm;
        this.swtpm = swtpm;
    }

    static SideBySide start() throws IOException, InterruptedException {
        StateDirTpm j = StateDirTpm.create(StateDirTpm.Kind.JVTPM);
        StateDirTpm s = StateDirTpm.create(StateDirTpm.Kind.SWTPM);
        SideBySide both = new SideBySide(j, s);
        try {
            s.start();
            j.start();
            both.init();
            return both;
        } catch (IOException | InterruptedException | RuntimeException e) {
            both.close();
            throw e;
        }
    }

    List<StateDirTpm> both() {
        return List.of(swtpm, jvtpm);
    }

    /** CMD_INIT on both; both must power on. */
    void init() throws IOException {
        for (StateDirTpm t : both()) {
            assertThat(t.init()).as(t + ": CMD_INIT" + "\n" + t.log()).isZero();
        }
    }

    /** The same bytes to both; the responses must be identical; returns jvtpm's. */
    byte[] same(String what, byte[] command) throws IOException {
        byte[] ref = swtpm.send(command);
        byte[] sub = jvtpm.send(command);
        assertThat(Answers.hex(sub)).as(what + " (jvtpm vs swtpm)").isEqualTo(Answers.hex(ref));
        return sub;
    }

    /** The same bytes to both; the response codes must be identical; returns it. */
    int sameRc(String what, byte[] command) throws IOException {
        int ref = TpmCommands.rc(swtpm.send(command));
        int sub = TpmCommands.rc(jvtpm.send(command));
        assertThat(Integer.toHexString(sub)).as(what + " response code (jvtpm vs swtpm)")
                .isEqualTo(Integer.toHexString(ref));
        return sub;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            jvtpm.close();
        } finally {
            swtpm.close();
        }
    }
}
