package dev.jvtpm.engine.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.state.BlobKind;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmRc;
import org.junit.jupiter.api.Test;

/**
 * Persistent objects (TPM2_EvictControl, Part 3 §28.5): the owner and platform ranges and their
 * authorization rules, capacity, and that they live in the permanent state: across power cycles,
 * in the PERMANENT state blob, and until the hierarchy that owns them is flushed.
 */
class PersistentObjectsTest {
    static final byte[] NONE = new byte[0];
    static final PublicArea STORAGE = Templates.ecc(Templates.STORAGE | ObjectAttributes.NO_DA, EccCurve.NIST_P256,
            Templates.AES128_CFB, Scheme.NULL);

    static int[] persistentHandles(TpmHarness tpm) throws Exception {
        TpmReader r = tpm.ok(tpm.call(Commands.getCapability(TpmCap.HANDLES, 0x81000000, 100))).body();
        r.u8();
        r.u32();
        int[] out = new int[r.u32()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.u32();
        }
        return out;
    }

    static int property(TpmHarness tpm, int pt) throws Exception {
        TpmReader r = tpm.ok(tpm.call(Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1))).body();
        r.skip(1 + 4 + 4 + 4);
        return r.u32();
    }

    @Test
    void persistentObjectsSurvivePowerCyclesAndTravelInThePermanentBlob() throws Exception {
        InMemoryStateStore store = new InMemoryStateStore();
        TpmHarness tpm = TpmHarness.started(TpmConfig.builder().stateStore(store).build());
        ObjectDriver o = new ObjectDriver(tpm);
        ObjectDriver.Primary srk = o.createPrimary(TpmHandles.RH_OWNER, STORAGE);
        ObjectDriver.Primary platformKey = o.createPrimary(TpmHandles.RH_PLATFORM, STORAGE);
        int available = property(tpm, TpmPt.HR_PERSISTENT_AVAIL);
        tpm.ok(tpm.call(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, srk.handle(), 0x81000001)));
        tpm.ok(tpm.call(ObjectCommands.evictControl(TpmHandles.RH_PLATFORM, NONE, platformKey.handle(), 0x81800001)));
        assertThat(persistentHandles(tpm)).containsExactly(0x81000001, 0x81800001);
        assertThat(property(tpm, TpmPt.HR_PERSISTENT)).isEqualTo(2);
        assertThat(property(tpm, TpmPt.HR_PERSISTENT_AVAIL)).isEqualTo(available - 2);
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(0)));
        assertThat(o.readPublic(0x81000001).publicArea()).isEqualTo(srk.publicArea());
        // A child created under the persistent SRK loads under it after another power cycle.
        ObjectDriver.Created child = o.create(0x81000001, NONE, Templates.keyedHash(0x00000452, HashAlg.SHA256, Scheme.NULL),
                NONE, "x".getBytes());
        // The PERMANENT blob carries them to another TPM.
        byte[] blob = tpm.tpm().getStateBlob(BlobKind.PERMANENT, true).orElseThrow();
        Tpm copy = Tpm.create(TpmConfig.builder().stateStore(new InMemoryStateStore()).build());
        copy.setStateBlob(BlobKind.PERMANENT, blob, false);
        copy.init(false);
        byte[] startup = Commands.startup(0);
        assertThat(TpmHarness.Response.parse(copy.execute(startup)).rc()).isZero();
        TpmHarness.Response loaded = TpmHarness.Response.parse(copy.execute(ObjectCommands.load(0x81000001, NONE,
                child.outPrivate(), ObjectCommands.publicSized(child.publicArea()))));
        assertThat(loaded.rc()).isZero();
        // Removal.
        tpm.ok(tpm.call(ObjectCommands.evictControl(TpmHandles.RH_PLATFORM, NONE, 0x81000001, 0x81000001)));
        tpm.ok(tpm.call(ObjectCommands.evictControl(TpmHandles.RH_PLATFORM, NONE, 0x81800001, 0x81800001)));
        assertThat(persistentHandles(tpm)).isEmpty();
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(0)));
        assertThat(persistentHandles(tpm)).isEmpty();
    }

    @Test
    void rangesAuthorizationAndCapacity() throws Exception {
        TpmHarness tpm = TpmHarness.started();
        ObjectDriver o = new ObjectDriver(tpm);
        int srk = o.createPrimary(TpmHandles.RH_OWNER, STORAGE).handle();
        assertThat(tpm.rc(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, srk, 0x81800000)))
                .isEqualTo(TpmRc.RANGE | 0x40 | 0x100);
        assertThat(tpm.rc(ObjectCommands.evictControl(TpmHandles.RH_PLATFORM, NONE, srk, 0x81000000)))
                .isEqualTo(TpmRc.HIERARCHY | 0x200);
        // Persistent objects share NV with the indexes: as many as TPM_PT_HR_PERSISTENT_AVAIL says fit.
        int available = property(tpm, TpmPt.HR_PERSISTENT_AVAIL);
        assertThat(available).isGreaterThanOrEqualTo(7);
        for (int i = 0; i < available; i++) {
            tpm.ok(tpm.call(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, srk, 0x81000000 + i)));
        }
        assertThat(tpm.rc(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, srk, 0x81000100))).isEqualTo(TpmRc.NV_SPACE);
        assertThat(tpm.rc(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, srk, 0x81000001))).isEqualTo(TpmRc.NV_DEFINED);
        int stClear = o.createPrimary(TpmHandles.RH_OWNER,
                Templates.withAttributes(STORAGE, STORAGE.attributes() | ObjectAttributes.ST_CLEAR)).handle();
        assertThat(tpm.rc(ObjectCommands.evictControl(TpmHandles.RH_OWNER, NONE, stClear, 0x81000200)))
                .isEqualTo(TpmRc.ATTRIBUTES | 0x200);
        // Clear and ChangeEPS use flushNvHierarchy: the owner's persistent objects go.
        var core = TpmInternals.core(tpm.tpm());
        core.flushNvHierarchy(TpmHandles.RH_OWNER);
        assertThat(persistentHandles(tpm)).isEmpty();
    }
}
