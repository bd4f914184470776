package dev.jvtpm.daemon.device;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.state.EncryptedFileStateStore;
import dev.jvtpm.engine.state.SealedEnvelope;
import dev.jvtpm.engine.state.StateKey;

/**
 * One assembled TPM and what surrounds it: its sealed state store, the state key, the optional
 * migration key and the envelope that seals with either.
 */
public record Engine(Tpm tpm, EncryptedFileStateStore store, StateKey stateKey, StateKey migrationKey,
                     SealedEnvelope envelope) {}
