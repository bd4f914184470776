package dev.jvtpm.engine.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * Sends the same bytes to a reference TPM (swtpm) and to jvtpm and compares the answers. Every
 * platform signal (power cycle, locality, _TPM_Hash_*) goes to both. Comparison failures are
 * AssertionErrors that show both responses.
 */
public final class Differential implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();

    private final TpmTarget reference;
    private final TpmTarget subject;

    public Differential(TpmTarget reference, TpmTarget subject) {
        this.reference = reference;
        this.subject = subject;
    }

    /** A fresh swtpm against a fresh in-process jvtpm with swtpm's identity. */
    public static Differential start() throws IOException {
        return new Differential(SwtpmProcess.start(), new InProcessTarget());
    }

    public TpmTarget reference() {
        return reference;
    }

    public TpmTarget subject() {
        return subject;
    }

    /** Both answers to one command. */
    public record Pair(byte[] reference, byte[] subject) {
        public int referenceRc() {
            return rc(reference);
        }

        public int subjectRc() {
            return rc(subject);
        }

        static int rc(byte[] rsp) {
            return ((rsp[6] & 0xFF) << 24) | ((rsp[7] & 0xFF) << 16) | ((rsp[8] & 0xFF) << 8) | (rsp[9] & 0xFF);
        }

        String describe() {
            return "\n  swtpm: " + HEX.formatHex(reference) + "\n  jvtpm: " + HEX.formatHex(subject);
        }
    }

    /** Sends {@code cmd} to both without comparing. */
    public Pair both(byte[] cmd) {
        try {
            return new Pair(reference.send(cmd), subject.send(cmd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The responses must be byte for byte the same. */
    public Pair same(String what, byte[] cmd) {
        Pair p = both(cmd);
        if (!java.util.Arrays.equals(p.reference(), p.subject())) {
            throw new AssertionError(what + ": responses differ for " + HEX.formatHex(cmd) + p.describe());
        }
        return p;
    }

    /** Tag, size and response code must be the same (the payload is random or time-dependent). */
    public Pair sameCode(String what, byte[] cmd) {
        Pair p = both(cmd);
        if (!java.util.Arrays.equals(p.reference(), 0, 10, p.subject(), 0, 10)
                || p.reference().length != p.subject().length) {
            throw new AssertionError(what + ": headers differ for " + HEX.formatHex(cmd) + p.describe());
        }
        return p;
    }

    public void powerCycle() {
        run(TpmTarget::powerCycle);
    }

    public void locality(int locality) {
        run(t -> t.setLocality(locality));
    }

    public void hashStart() {
        run(TpmTarget::hashStart);
    }

    public void hashData(byte[] data) {
        run(t -> t.hashData(data));
    }

    public void hashEnd() {
        run(TpmTarget::hashEnd);
    }

    public void storeVolatile() {
        run(TpmTarget::storeVolatile);
    }

    private interface Signal {
        void send(TpmTarget t) throws IOException;
    }

    private void run(Signal s) {
        try {
            s.send(reference);
            s.send(subject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            subject.close();
        } finally {
            reference.close();
        }
    }
}
