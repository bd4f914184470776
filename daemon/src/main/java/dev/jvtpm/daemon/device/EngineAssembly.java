package dev.jvtpm.daemon.device;

import dev.jvtpm.daemon.cli.SocketConfig;
import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.state.EncryptedFileStateStore;
import dev.jvtpm.engine.state.GeneratedKeyFile;
import dev.jvtpm.engine.state.KeyProvider;
import dev.jvtpm.engine.state.SealedEnvelope;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.engine.state.StateKey;

/**
 * Builds the engine for a configuration: resolves the crypto providers (running their
 * self-tests), loads the keys, opens the state store. This is the slow part of start-up, so
 * the daemon runs it while its sockets already accept connections.
 */
public final class EngineAssembly {
    private EngineAssembly() {}

    public static Engine assemble(SocketConfig config, DaemonLog log, DaemonLog.FdOpener fds) throws StateException {
        CryptoSuite crypto = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        for (CryptoSuite.Choice c : crypto.report()) {
            log.info("crypto " + c.family() + ": " + c.provider() + " (" + c.reason() + ")"
                    + (c.alternatives().isEmpty() ? "" : "; also " + c.alternatives()));
        }
        StateKey stateKey = config.key() == null
                ? new GeneratedKeyFile(config.defaultKeyFile()).key()
                : KeyLoader.load(config.key(), "state key", fds);
        StateKey migrationKey = config.migrationKey() == null ? null
                : KeyLoader.load(config.migrationKey(), "migration key", fds);
        log.info("state key id " + stateKey.idHex() + " (" + stateKey.bits() + "-bit key material from "
                + stateKey.source() + ")");
        if (migrationKey != null) {
            log.info("migration key id " + migrationKey.idHex());
        }
        EncryptedFileStateStore store = new EncryptedFileStateStore(config.stateDir(), fixed(stateKey),
                config.stateFileMode(), crypto.ciphers());
        Tpm tpm = Tpm.create(TpmConfig.builder().stateStore(store).crypto(crypto).build());
        return new Engine(tpm, store, stateKey, migrationKey, new SealedEnvelope(crypto.ciphers()));
    }

    private static KeyProvider fixed(StateKey key) {
        return new KeyProvider() {
            @Override
            public StateKey key() {
                return key;
            }

            @Override
            public String describe() {
                return key.source();
            }
        };
    }
}
