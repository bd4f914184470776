package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the differential tests that drive sessions: the {@link DifferentialFixture}'s
 * two TPMs, each with its own {@link SessionClient} (index 0 is swtpm, 1 is jvtpm). A session or
 * call is made once per TPM, built by a function of that index because each TPM has its own
 * nonces, keys and session handles, and the answers are compared.
 */
abstract class SessionDifferentialFixture extends DifferentialFixture {
    /** [swtpm, jvtpm]. */
    protected TpmTarget[] targets;
    /** [swtpm, jvtpm]. */
    protected SessionClient[] clients;

    @BeforeEach
    final void createClients() {
        targets = new TpmTarget[] {d.reference(), d.subject()};
        clients = new SessionClient[] {new SessionClient(d.reference()::send), new SessionClient(d.subject()::send)};
    }

    /**
     * Whether {@link #same} compares the response attributes (continueSession, audit, ...) as
     * well as the response codes.
     */
    protected boolean comparesAttributes() {
        return false;
    }

    /** TPM {@code tpm}'s answer to its call; a test that must see past a response code overrides this. */
    protected Result call(int tpm, Function<Integer, Call> call) {
        return clients[tpm].call(call.apply(tpm));
    }

    /** Runs one call per TPM (built for that TPM's sessions) and compares the response codes. */
    protected Result[] same(String what, Function<Integer, Call> call) {
        Result a = call(0, call);
        Result b = call(1, call);
        assertThat(String.format("0x%03X", b.rc())).as(what).isEqualTo(String.format("0x%03X", a.rc()));
        if (comparesAttributes()) {
            assertThat(b.attributes()).as(what + ": response attributes").isEqualTo(a.attributes());
        }
        return new Result[] {a, b};
    }

    /** The same session started on each TPM: both must accept it and give it the same handle. */
    protected Session[] startBoth(Start s) {
        Session a = clients[0].start(s);
        Session b = clients[1].start(s);
        assertThat(b.handle).isEqualTo(a.handle);
        return new Session[] {a, b};
    }

    /** {@link #startBoth(String, Function)} with the same parameters for both. */
    protected Session[] startBoth(String what, Start s) {
        return startBoth(what, i -> s);
    }

    /**
     * A session started on each TPM with that TPM's parameters: both must answer with the same
     * response code and, when they accept it, the same handle and a nonceTPM of the same size.
     * Null when both refuse it.
     */
    protected Session[] startBoth(String what, Function<Integer, Start> start) {
        SessionClient.Started a = clients[0].tryStart(start.apply(0));
        SessionClient.Started b = clients[1].tryStart(start.apply(1));
        assertThat(String.format("0x%03X", b.rc())).as(what + ": StartAuthSession rc")
                .isEqualTo(String.format("0x%03X", a.rc()));
        if (a.rc() != 0) {
            return null;
        }
        assertThat(b.session().handle).as(what + ": session handle").isEqualTo(a.session().handle);
        assertThat(b.session().nonceTPM).as(what + ": nonceTPM size").hasSameSizeAs(a.session().nonceTPM);
        return new Session[] {a.session(), b.session()};
    }

    /** Sends raw command bytes to TPM {@code tpm}. */
    protected byte[] send(int tpm, byte[] cmd) {
        try {
            return targets[tpm].send(cmd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static int rc(byte[] rsp) {
        return ByteBuffer.wrap(rsp).getInt(6);
    }
}
