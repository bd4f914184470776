package dev.jvtpm.engine;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
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

    private final StateStore stateStore;
    private final CryptoSuite crypto;
    private final TpmIdentity identity;
    private final Set<HashAlg> defaultPcrBanks;
    private final int bufferSize;
    private final TimeSource time;

    private TpmConfig(Builder b) {
        this.stateStore = Objects.requireNonNull(b.stateStore, "stateStore");
        this.crypto = b.crypto != null ? b.crypto : ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        this.identity = b.identity;
        this.defaultPcrBanks = Set.copyOf(b.defaultPcrBanks);
        this.bufferSize = b.bufferSize;
        this.time = b.time;
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

    public Builder toBuilder() {
        Builder b = new Builder();
        b.stateStore = stateStore;
        b.crypto = crypto;
        b.identity = identity;
        b.defaultPcrBanks = EnumSet.copyOf(defaultPcrBanks);
        b.bufferSize = bufferSize;
        b.time = time;
        return b;
    }

    public static final class Builder {
        private StateStore stateStore = new InMemoryStateStore();
        private CryptoSuite crypto;
        private TpmIdentity identity = TpmIdentity.jvtpm();
        private Set<HashAlg> defaultPcrBanks = EnumSet.allOf(HashAlg.class);
        private int bufferSize = MAX_BUFFER_SIZE;
        private TimeSource time = TimeSource.system();

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

        public TpmConfig build() {
            return new TpmConfig(this);
        }
    }
}
