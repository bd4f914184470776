package dev.jvtpm.engine.differential;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.TpmIdentity;
import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.state.StateException;
import java.io.IOException;
import java.util.Optional;

/** A jvtpm {@link Tpm} in this JVM, with swtpm's identity so identity properties compare equal. */
public final class InProcessTarget implements TpmTarget {
    private final Tpm tpm;

    public InProcessTarget() {
        this(TpmConfig.builder().stateStore(new InMemoryStateStore()).identity(TpmIdentity.swtpmCompatible()).build());
    }

    public InProcessTarget(TpmConfig config) {
        this.tpm = Tpm.create(config);
        try {
            tpm.init(false); // swtpm --flags not-need-init
        } catch (StateException e) {
            throw new IllegalStateException(e);
        }
    }

    public Tpm tpm() {
        return tpm;
    }

    @Override
    public String name() {
        return "jvtpm (in process)";
    }

    @Override
    public byte[] send(byte[] command) {
        return tpm.execute(command);
    }

    @Override
    public void powerCycle() throws IOException {
        try {
            tpm.init(false);
        } catch (StateException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void setLocality(int locality) {
        tpm.setLocality(locality);
    }

    @Override
    public void hashStart() {
        tpm.hashStart();
    }

    @Override
    public void hashData(byte[] data) {
        tpm.hashData(data);
    }

    @Override
    public void hashEnd() {
        tpm.hashEnd();
    }

    @Override
    public void storeVolatile() throws IOException {
        try {
            tpm.storeVolatile();
        } catch (StateException e) {
            throw new IOException(e);
        }
    }

    @Override
    public Optional<byte[]> proof(int hierarchy) {
        return Optional.of(TpmInternals.core(tpm).proof(hierarchy).clone());
    }

    @Override
    public void close() {
        tpm.stop();
    }
}
