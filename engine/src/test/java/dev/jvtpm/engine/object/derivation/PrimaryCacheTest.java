package dev.jvtpm.engine.object.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.ObjectDriver;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The derived-primary cache is invisible except in speed: with and without it the same seeds give
 * the same primaries, a hit needs no derivation, it survives power cycles in the permanent state,
 * it forgets primaries of seeds that are gone, and it never writes null-hierarchy keys to the state.
 */
class PrimaryCacheTest {
    static final byte[] NONE = new byte[0];
    static final PublicArea SRK = Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL);
    static final PublicArea SIGNER = Templates.rsa(Templates.SIGNING, 2048, SymDefObject.NULL, Scheme.NULL);

    static TpmHarness tpm(InMemoryStateStore store, int cacheSize) {
        return TpmHarness.started(TpmConfig.builder().stateStore(store).primaryCacheSize(cacheSize).build());
    }

    static ObjectDriver.Primary create(TpmHarness tpm, int hierarchy, PublicArea t, byte[] auth, byte[] data) {
        ObjectDriver.Primary p = new ObjectDriver(tpm).createPrimary(hierarchy, t, auth, data);
        tpm.ok(tpm.call(Commands.flushContext(p.handle())));
        return p;
    }

    @Test
    void sameSeedsSamePrimariesWithAndWithoutTheCache() throws Exception {
        InMemoryStateStore store = new InMemoryStateStore();
        TpmHarness cached = tpm(store, 8);
        TpmCore core = TpmInternals.core(cached.tpm());
        // A second TPM with the same permanent state (seeds) and no cache.
        TpmHarness uncached = TpmHarness.started(TpmConfig.builder()
                .stateStore(copyOf(store)).primaryCacheSize(0).build());
        for (PublicArea t : List.of(SRK, SIGNER, Templates.withNameAlg(SRK, TpmAlgId.SHA384))) {
            for (int h : new int[] {TpmHandles.RH_OWNER, TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM}) {
                ObjectDriver.Primary a = create(cached, h, t, "a".getBytes(), NONE);
                ObjectDriver.Primary b = create(cached, h, t, "other auth".getBytes(), NONE);
                ObjectDriver.Primary c = create(uncached, h, t, NONE, NONE);
                assertThat(b.publicArea()).isEqualTo(a.publicArea()).isEqualTo(c.publicArea());
                assertThat(b.name()).isEqualTo(a.name()).isEqualTo(c.name());
            }
        }
        assertThat(core.primaries.hits()).isEqualTo(9);
        assertThat(TpmInternals.core(uncached.tpm()).primaries.hits()).isZero();
        // The cached sensitive area carries the caller's auth: the key works with "other auth".
        ObjectDriver.Primary p = new ObjectDriver(cached).createPrimary(TpmHandles.RH_OWNER, SRK, "other auth".getBytes(), NONE);
        assertThat(cached.callRetrying(ObjectCommands.create(p.handle(), "other auth".getBytes(),
                Templates.keyedHash(0x00000452, dev.jvtpm.engine.types.HashAlg.SHA256, Scheme.NULL), NONE,
                "x".getBytes())).rc()).isZero();
        assertThat(cached.rc(ObjectCommands.create(p.handle(), "a".getBytes(),
                Templates.keyedHash(0x00000452, dev.jvtpm.engine.types.HashAlg.SHA256, Scheme.NULL), NONE,
                "x".getBytes()))).isEqualTo(0x98E);
    }

    static InMemoryStateStore copyOf(InMemoryStateStore store) throws Exception {
        InMemoryStateStore copy = new InMemoryStateStore();
        for (var kind : dev.jvtpm.engine.state.BlobKind.values()) {
            var blob = store.read(kind);
            if (blob.isPresent()) {
                copy.write(kind, blob.get());
            }
        }
        return copy;
    }

    @Test
    void theCacheSurvivesPowerCyclesButNotItsSeed() throws Exception {
        InMemoryStateStore store = new InMemoryStateStore();
        TpmHarness tpm = tpm(store, 8);
        ObjectDriver.Primary first = create(tpm, TpmHandles.RH_OWNER, SRK, NONE, NONE);
        create(tpm, TpmHandles.RH_NULL, SRK, NONE, NONE);
        tpm.powerCycle();
        tpm.ok(tpm.call(Commands.startup(0)));
        TpmCore core = TpmInternals.core(tpm.tpm());
        // Only the owner primary came back from the state; the null seed changed anyway.
        assertThat(core.primaries.cache().size()).isEqualTo(1);
        long hits = core.primaries.hits();
        assertThat(create(tpm, TpmHandles.RH_OWNER, SRK, NONE, NONE).publicArea()).isEqualTo(first.publicArea());
        assertThat(core.primaries.hits()).isEqualTo(hits + 1);
        // A new owner seed (as TPM2_Clear makes): the old primary is gone from the cache and from the state.
        core.gp.storageSeed = core.random(64);
        core.markPersistentDirty();
        tpm.ok(tpm.call(Commands.getRandom(1)));
        assertThat(core.primaries.cache().size()).isZero();
        ObjectDriver.Primary reseeded = create(tpm, TpmHandles.RH_OWNER, SRK, NONE, NONE);
        assertThat(reseeded.publicArea()).isNotEqualTo(first.publicArea());
    }

    @Test
    void leastRecentlyUsedEntriesAreEvictedBeyondTheCapacity() throws Exception {
        TpmHarness tpm = tpm(new InMemoryStateStore(), 2);
        TpmCore core = TpmInternals.core(tpm.tpm());
        create(tpm, TpmHandles.RH_OWNER, SRK, NONE, NONE);
        create(tpm, TpmHandles.RH_OWNER, SRK, NONE, "1".getBytes());
        create(tpm, TpmHandles.RH_OWNER, SRK, NONE, NONE);
        create(tpm, TpmHandles.RH_OWNER, SRK, NONE, "2".getBytes());
        assertThat(core.primaries.cache().size()).isEqualTo(2);
        long hits = core.primaries.hits();
        create(tpm, TpmHandles.RH_OWNER, SRK, NONE, NONE);
        assertThat(core.primaries.hits()).isEqualTo(hits + 1);
        create(tpm, TpmHandles.RH_OWNER, SRK, NONE, "1".getBytes());
        assertThat(core.primaries.hits()).isEqualTo(hits + 1);
    }
}
