package dev.jvtpm.engine.command.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.command.capability.ContextSizes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmRc;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Object contexts (Part 1 §30, Part 3 §28.2-28.3): reloadable any number of times, bound to the
 * hierarchy's proof and the TPM Reset count (stClear objects also to the TPM Restart count),
 * sequences resumed mid-hash, and small enough for the Linux resource manager.
 */
class ObjectContextTest {
    static final byte[] NONE = new byte[0];
    static final PublicArea STORAGE = Templates.ecc(Templates.STORAGE | ObjectAttributes.NO_DA, EccCurve.NIST_P256,
            Templates.AES128_CFB, Scheme.NULL);

    private static int contextLoad(TpmHarness tpm, byte[] ctx) throws Exception {
        return tpm.ok(tpm.call(ObjectCommands.contextLoad(ctx))).body().u32();
    }

    @Test
    void anObjectContextLoadsAnyNumberOfTimesAndSurvivesARestartButNotAReset() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        int parent = o.createPrimary(TpmHandles.RH_OWNER, STORAGE).handle();
        PublicArea sealedTemplate = Templates.keyedHash(0x00000452, HashAlg.SHA256, Scheme.NULL);
        int sealed = o.load(parent, NONE, o.create(parent, NONE, sealedTemplate, NONE, "s".getBytes()));
        int stClear = o.load(parent, NONE, o.create(parent, NONE,
                Templates.withAttributes(sealedTemplate, sealedTemplate.attributes() | ObjectAttributes.ST_CLEAR), NONE, "c".getBytes()));
        byte[] ctx = o.contextSave(sealed);
        byte[] stClearCtx = o.contextSave(stClear);
        byte[] parentCtx = o.contextSave(parent);
        assertThat(ctx).hasSizeLessThan(ContextSizes.MAX_OBJECT_CONTEXT);
        // savedHandle 0x80000000 / 0x80000002, hierarchy owner, sequence numbers counting up.
        TpmReader r = new TpmReader(ctx);
        long seq = r.u64();
        assertThat(r.u32()).isEqualTo(0x80000000);
        assertThat(r.u32()).isEqualTo(TpmHandles.RH_OWNER);
        TpmReader r2 = new TpmReader(stClearCtx);
        assertThat(r2.u64()).isEqualTo(seq + 1);
        assertThat(r2.u32()).isEqualTo(0x80000002);
        o.flush(sealed);
        o.flush(stClear);
        for (int i = 0; i < 3; i++) {
            int h = contextLoad(tpm, ctx);
            assertThat(ObjectDriver.firstTpm2b(tpm.ok(tpm.call(ObjectCommands.unseal(h, NONE))), 0)).isEqualTo("s".getBytes());
            o.flush(h);
        }
        // TPM Restart (Shutdown(STATE), Startup(CLEAR)): ordinary contexts load, stClear ones do not.
        tpm.ok(tpm.call(Commands.shutdown(TpmSu.STATE)));
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(TpmSu.CLEAR)));
        o.flush(contextLoad(tpm, ctx));
        assertThat(tpm.rc(ObjectCommands.contextLoad(stClearCtx))).isEqualTo(TpmRc.INTEGRITY | 0x40 | 0x100);
        // TPM Reset: nothing loads.
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(TpmSu.CLEAR)));
        assertThat(tpm.rc(ObjectCommands.contextLoad(ctx))).isEqualTo(TpmRc.INTEGRITY | 0x40 | 0x100);
        assertThat(tpm.rc(ObjectCommands.contextLoad(parentCtx))).isEqualTo(TpmRc.INTEGRITY | 0x40 | 0x100);
    }

    @Test
    void disabledHierarchiesAndFullSlotsRefuseContexts() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        int owner = o.createPrimary(TpmHandles.RH_OWNER, STORAGE).handle();
        byte[] ctx = o.contextSave(owner);
        int a = contextLoad(tpm, ctx);
        int b = contextLoad(tpm, ctx);
        assertThat(new int[] {a, b}).containsExactly(0x80000001, 0x80000002);
        assertThat(tpm.rc(ObjectCommands.contextLoad(ctx))).isEqualTo(TpmRc.OBJECT_MEMORY);
        tpm.ok(tpm.call(Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_OWNER, false)));
        // Disabling the hierarchy flushed its objects; its contexts are refused while it is off.
        assertThat(tpm.tpm().isRunning()).isTrue();
        assertThat(tpm.rc(ObjectCommands.contextLoad(ctx))).isEqualTo(TpmRc.HIERARCHY | 0x40 | 0x100);
    }

    @Test
    void aSequenceContextResumesTheDigest() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        int seq = tpm.ok(tpm.call(Commands.hashSequenceStart("a".getBytes(), TpmAlgId.SHA256))).body().u32();
        tpm.ok(tpm.call(Commands.sequenceUpdate(seq, "a".getBytes(), "hello ".getBytes())));
        byte[] ctx = new ObjectDriver(tpm).contextSave(seq);
        assertThat(new TpmReader(ctx, 8, 8).u32()).isEqualTo(0x80000001);
        tpm.ok(tpm.call(Commands.flushContext(seq)));
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("hello world".getBytes());
        for (int i = 0; i < 2; i++) {
            int h = contextLoad(tpm, ctx);
            TpmHarness.Response done = tpm.ok(tpm.call(Commands.sequenceComplete(h, "a".getBytes(), "world".getBytes(),
                    TpmHandles.RH_NULL)));
            assertThat(ObjectDriver.firstTpm2b(done, 0)).isEqualTo(expected);
        }
    }

    @Test
    void contextsOfTheLargestObjectsStayWellBelowTheAdvertisedMaximum() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        PublicArea rsa3072 = Templates.withNameAlg(Templates.rsa(Templates.STORAGE | ObjectAttributes.NO_DA, 3072,
                Templates.AES256_CFB, Scheme.NULL), TpmAlgId.SHA512);
        int parent = o.createPrimary(TpmHandles.RH_OWNER, rsa3072, new byte[64], NONE).handle();
        byte[] ctx = o.contextSave(parent);
        assertThat(ctx.length).isLessThan(ContextSizes.MAX_OBJECT_CONTEXT).isLessThan(2048);
        int seq = tpm.ok(tpm.call(Commands.hashSequenceStart(new byte[64], TpmAlgId.NULL))).body().u32();
        assertThat(o.contextSave(seq).length).isLessThan(ContextSizes.MAX_OBJECT_CONTEXT);
    }

    @Test
    void windowsPaddingToTheMaximumContextSizeIsAccepted() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        int h = o.createPrimary(TpmHandles.RH_NULL, STORAGE).handle();
        byte[] ctx = o.contextSave(h);
        o.flush(h);
        byte[] padded = Arrays.copyOf(ctx, ContextSizes.MAX_OBJECT_CONTEXT);
        assertThat(contextLoad(tpm, padded)).isEqualTo(h);
        o.flush(h);
        assertThat(tpm.rc(ObjectCommands.contextLoad(Arrays.copyOf(ctx, ctx.length + 1)))).isEqualTo(TpmRc.SIZE);
    }
}
