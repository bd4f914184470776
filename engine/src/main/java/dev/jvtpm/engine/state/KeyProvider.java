package dev.jvtpm.engine.state;

/** Who holds the key that seals a TPM's state: a key file, a passphrase, a host TPM, a key server. */
public interface KeyProvider {
    /** The state key; called when a store opens. */
    StateKey key() throws StateException;

    /** Where the key comes from, for messages ("key file /path"). */
    String describe();
}
