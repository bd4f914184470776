package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.SymMode;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CFBBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.OFBBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

final class BcCiphers implements CipherFamily {
    @Override
    public byte[] aes(SymMode mode, boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        KeyParameter k = new KeyParameter(key);
        byte[] out = new byte[data.length];
        switch (mode) {
            case CFB:
            case OFB:
            case CTR: {
                StreamCipher s = mode == SymMode.CFB ? CFBBlockCipher.newInstance(AESEngine.newInstance(), 128)
                        : mode == SymMode.OFB ? new OFBBlockCipher(AESEngine.newInstance(), 128)
                        : SICBlockCipher.newInstance(AESEngine.newInstance());
                s.init(encrypt, new ParametersWithIV(k, iv));
                s.processBytes(data, 0, data.length, out, 0);
                return out;
            }
            case CBC:
            case ECB: {
                if (data.length % 16 != 0) {
                    throw new IllegalArgumentException("AES-" + mode + " needs whole blocks");
                }
                BlockCipher b = mode == SymMode.CBC ? CBCBlockCipher.newInstance(AESEngine.newInstance())
                        : AESEngine.newInstance();
                BufferedBlockCipher c = new DefaultBufferedBlockCipher(b);
                c.init(encrypt, mode == SymMode.CBC ? new ParametersWithIV(k, iv) : k);
                int n = c.processBytes(data, 0, data.length, out, 0);
                try {
                    c.doFinal(out, n);
                } catch (InvalidCipherTextException e) {
                    throw new IllegalArgumentException(e);
                }
                return out;
            }
            default:
                throw new IllegalArgumentException(mode.name());
        }
    }

    @Override
    public byte[] gcmSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        GCMBlockCipher g = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        g.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[g.getOutputSize(plaintext.length)];
        int n = g.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            g.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public byte[] gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws AEADBadTagException {
        GCMBlockCipher g = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        g.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[g.getOutputSize(sealed.length)];
        int n = g.processBytes(sealed, 0, sealed.length, out, 0);
        try {
            g.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new AEADBadTagException(e.getMessage());
        }
        return out;
    }
}
