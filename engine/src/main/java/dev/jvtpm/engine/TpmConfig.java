package dev.jvtpm.engine;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.derivation.RsaKeySource;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.state.StateStore;
import dev.jvtpm.engine.types.HashAlg;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Everything that makes one TPM instance what it is, fixed at creation. Immutable; build with {@link #builder()}. */
public final class TpmConfig {
    /** Command/response buffer bounds, as swtpm's SET_BUFFERSIZE reports them for TPM 2 (min 2808, max 4096). */
    public static final int MIN_BUFFER_SIZE = 2808;
    public static final int MAX_BUFFER_SIZE = 4096;
    /** Derived RSA primaries cached by default: SRK and EK templates of a few clients. */
    public static final int DEFAULT_PRIMARY_CACHE_SIZE = 8;

    private final StateStore stateStore;
    private final CryptoSuite crypto;
    private final TpmIdentity identity;
    private final Set<HashAlg> defaultPcrBanks;
    private final int bufferSize;
    private final TimeSource time;
    private final RsaKeySource rsaKeys;
    private final int primaryCacheSize;

    private TpmConfig(Builder b) {
        this.stateStore = Objects.requireNonNull(b.stateStore, "stateStore");
        this.crypto = b.crypto != null ? b.crypto : ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        this.identity = b.identity;
        this.defaultPcrBanks = Set.copyOf(b.defaultPcrBanks);
        this.bufferSize = b.bufferSize;
        this.time = b.time;
        this.rsaKeys = b.rsaKeys;
        this.primaryCacheSize = b.primaryCacheSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    public StateStore stateStore() {
        return stateStore;
    }

    public CryptoSuite crypto() {
        return crypto;
    }

    public TpmIdentity identity() {
        return identity;
    }

    /** PCR banks allocated when a TPM is manufactured (first start with empty state). */
    public Set<HashAlg> defaultPcrBanks() {
        return defaultPcrBanks;
    }

    public int bufferSize() {
        return bufferSize;
    }

    public TimeSource time() {
        return time;
    }

    /** Where TPM2_Create's RSA keys come from; null: generated on demand by the provider. */
    public RsaKeySource rsaKeys() {
        return rsaKeys;
    }

    /** How many derived RSA primaries the TPM keeps (0: none); see {@code PrimaryCache}. */
    public int primaryCacheSize() {
        return primaryCacheSize;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.stateStore = stateStore;
        b.crypto = crypto;
        b.identity = identity;
        b.defaultPcrBanks = EnumSet.copyOf(defaultPcrBanks);
        b.bufferSize = bufferSize;
        b.time = time;
        b.rsaKeys = rsaKeys;
        b.primaryCacheSize = primaryCacheSize;
        return b;
    }

    public static final class Builder {
        private StateStore stateStore = new InMemoryStateStore();
        private CryptoSuite crypto;
        private TpmIdentity identity = TpmIdentity.jvtpm();
        private Set<HashAlg> defaultPcrBanks = EnumSet.allOf(HashAlg.class);
        private int bufferSize = MAX_BUFFER_SIZE;
        private TimeSource time = TimeSource.system();
        private RsaKeySource rsaKeys;
        private int primaryCacheSize = DEFAULT_PRIMARY_CACHE_SIZE;

        public Builder stateStore(StateStore s) {
            this.stateStore = s;
            return this;
        }

        public Builder crypto(CryptoSuite c) {
            this.crypto = c;
            return this;
        }

        public Builder identity(TpmIdentity i) {
            this.identity = i;
            return this;
        }

        public Builder defaultPcrBanks(Set<HashAlg> banks) {
            if (banks.isEmpty()) {
                throw new IllegalArgumentException("at least one PCR bank");
            }
            this.defaultPcrBanks = EnumSet.copyOf(banks);
            return this;
        }

        public Builder bufferSize(int size) {
            if (size < MIN_BUFFER_SIZE || size > MAX_BUFFER_SIZE) {
                throw new IllegalArgumentException("buffer size must be in [" + MIN_BUFFER_SIZE + ", "
                        + MAX_BUFFER_SIZE + "]");
            }
            this.bufferSize = size;
            return this;
        }

        public Builder time(TimeSource t) {
            this.time = t;
            return this;
        }

        /**
         * A source of RSA keys for TPM2_Create, typically an {@code RsaKeyPool} shared by every
         * instance of the process; null (the default) generates each key on demand.
         */
        public Builder rsaKeys(RsaKeySource source) {
            this.rsaKeys = source;
            return this;
        }

        /** Derived RSA primaries kept in the permanent state (0 disables the cache). */
        public Builder primaryCacheSize(int size) {
            if (size < 0 || size > 64) {
                throw new IllegalArgumentException("primary cache size must be in [0, 64]");
            }
            this.primaryCacheSize = size;
            return this;
        }

        public TpmConfig build() {
            return new TpmConfig(this);
        }
    }
}
