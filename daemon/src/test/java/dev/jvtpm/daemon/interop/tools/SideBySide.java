package dev.jvtpm.daemon.interop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** swtpm 0.7.1 (the reference) and the jvtpm daemon as {@link ToolTarget}s, the same flow run on each. */
final class SideBySide implements AutoCloseable {
    /** A flow run on one TPM: the observations to compare across TPMs. */
    interface Flow {
        List<String> run(ToolTarget t) throws Exception;
    }

    final ToolTarget swtpm;
    final ToolTarget jvtpm;

    private SideBySide(ToolTarget swtpm, ToolTarget jvtpm) {
        this.swtpm = swtpm;
        this.jvtpm = jvtpm;
    }

    static SideBySide start() throws Exception {
        ToolTarget jvtpm = ToolTarget.jvtpm();
        try {
            return new SideBySide(ToolTarget.swtpm(), jvtpm);
        } catch (Exception | AssertionError e) {
            jvtpm.close();
            throw e;
        }
    }

    /** Runs {@code flow} on swtpm and on jvtpm; the observations must be equal. Returns them. */
    List<String> same(Flow flow) throws Exception {
        List<String> reference = flow.run(swtpm);
        List<String> subject = flow.run(jvtpm);
        assertThat(subject).as("jvtpm vs swtpm").isEqualTo(reference);
        return subject;
    }

    @Override
    public void close() throws Exception {
        try {
            jvtpm.close();
        } finally {
            swtpm.close();
        }
    }
}
