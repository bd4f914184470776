package dev.jvtpm.engine.state;

/** The key is stretched from a passphrase (swtpm {@code --key pwdfile=...|pwdfd=...,kdf=pbkdf2|sha512}). */
public final class PassphraseKeyProvider implements KeyProvider {
    private final byte[] passphrase;
    private final KeyMaterial.PassphraseKdf kdf;
    private final int keyBytes;
    private final String source;

    /** {@code keyBytes} is 16 for swtpm's aes-128-cbc (its default) and 32 for aes-256-cbc. */
    public PassphraseKeyProvider(byte[] passphrase, KeyMaterial.PassphraseKdf kdf, int keyBytes, String source) {
        this.passphrase = passphrase.clone();
        this.kdf = kdf;
        this.keyBytes = keyBytes;
        this.source = source;
    }

    @Override
    public StateKey key() {
        return new StateKey(KeyMaterial.fromPassphrase(passphrase, kdf, keyBytes), source);
    }

    @Override
    public String describe() {
        return source;
    }
}
