package dev.jvtpm.engine.command.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmReader;
import org.junit.jupiter.api.Test;

class ObjectLifecycleTest {
    static final byte[] NONE = new byte[0];

    @Test
    void createPrimaryCreateLoadReadPublicContextAndEvict() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        PublicArea srk = Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL);
        TpmHarness.Response cp = tpm.ok(tpm.call(ObjectCommands.createPrimary(TpmHandles.RH_OWNER, srk)));
        TpmReader r = cp.body();
        int parent = r.u32();
        assertThat(parent).isEqualTo(0x80000000);
        PublicArea key = Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, Scheme.NULL);
        // The SRK is DA-protected, so its first authorization after Startup is deferred with
        // TPM_RC_RETRY (DA_USED) and the client sends the command again.
        assertThat(tpm.rc(ObjectCommands.create(parent, NONE, key, "pw".getBytes(), NONE))).isEqualTo(0x922);
        TpmHarness.Response cr = tpm.ok(tpm.call(ObjectCommands.create(parent, NONE, key, "pw".getBytes(), NONE)));
        TpmReader p = cr.parameters(0);
        byte[] priv = p.tpm2b(2000);
        int pubSize = p.u16();
        byte[] pubSized = new byte[pubSize + 2];
        pubSized[0] = (byte) (pubSize >> 8);
        pubSized[1] = (byte) pubSize;
        System.arraycopy(p.bytes(pubSize), 0, pubSized, 2, pubSize);
        TpmHarness.Response ld = tpm.ok(tpm.call(ObjectCommands.load(parent, NONE, priv, pubSized)));
        int child = ld.body().u32();
        assertThat(child).isEqualTo(0x80000001);
        tpm.ok(tpm.call(ObjectCommands.readPublic(child)));
        TpmHarness.Response saved = tpm.ok(tpm.call(ObjectCommands.contextSave(child)));
        byte[] ctx = java.util.Arrays.copyOfRange(saved.raw(), 10, saved.raw().length);
        tpm.ok(tpm.call(Commands.flushContext(child)));
        int reloaded = tpm.ok(tpm.call(ObjectCommands.contextLoad(ctx))).body().u32();
        assertThat(reloaded).isEqualTo(child);
        tpm.ok(tpm.call(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, parent, 0x81000001)));
        tpm.ok(tpm.call(ObjectCommands.readPublic(0x81000001)));
    }
}
