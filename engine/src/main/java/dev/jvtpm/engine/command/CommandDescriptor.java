package dev.jvtpm.engine.command;

import dev.jvtpm.engine.types.TpmCc;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dispatcher and GetCapability need to know about a command without running it: its
 * code, handle area, authorizations, response handle, TPMA_CC attributes, and whether its first
 * command/response parameter may be session-encrypted.
 */
public final class CommandDescriptor {
    private final int code;
    private final List<HandleSpec> handles;
    private final int authHandles;
    private final boolean responseHandle;
    private final boolean nv;
    private final boolean extensive;
    private final boolean flushed;
    private final boolean noSessions;
    private final boolean decrypt;
    private final boolean encrypt;
    private final boolean physicalPresence;

    private CommandDescriptor(Builder b) {
        this.code = b.code;
        this.handles = List.copyOf(b.handles);
        int auth = 0;
        for (HandleSpec h : handles) {
            if (h.role() != AuthRole.NONE) {
                auth++;
            }
        }
        this.authHandles = auth;
        this.responseHandle = b.responseHandle;
        this.nv = b.nv;
        this.extensive = b.extensive;
        this.flushed = b.flushed;
        this.noSessions = b.noSessions;
        this.decrypt = b.decrypt;
        this.encrypt = b.encrypt;
        this.physicalPresence = b.physicalPresence;
    }

    public static Builder builder(int code) {
        return new Builder(code);
    }

    public int code() {
        return code;
    }

    public String name() {
        return TpmCc.name(code);
    }

    public List<HandleSpec> handles() {
        return handles;
    }

    /** Number of leading handles that need an authorization session. */
    public int authHandles() {
        return authHandles;
    }

    public boolean responseHandle() {
        return responseHandle;
    }

    /** The command accepts no sessions at all (Part 3 tag TPM_ST_NO_SESSIONS only). */
    public boolean noSessions() {
        return noSessions;
    }

    /** The first command parameter is a TPM2B and may be encrypted by a decrypt session. */
    public boolean decrypt() {
        return decrypt;
    }

    /** The first response parameter is a TPM2B and may be encrypted by an encrypt session. */
    public boolean encrypt() {
        return encrypt;
    }

    /** The command may need physical presence when listed in TPM_CAP_PP_COMMANDS. */
    public boolean physicalPresence() {
        return physicalPresence;
    }

    /** TPMA_CC (Part 2 §8.9): commandIndex, nv, extensive, flushed, cHandles, rHandle. */
    public int tpmaCc() {
        return (code & 0xFFFF)
                | (nv ? 1 << 22 : 0)
                | (extensive ? 1 << 23 : 0)
                | (flushed ? 1 << 24 : 0)
                | ((handles.size() & 7) << 25)
                | (responseHandle ? 1 << 28 : 0);
    }

    public static final class Builder {
        private final int code;
        private final List<HandleSpec> handles = new ArrayList<>();
        private boolean responseHandle;
        private boolean nv;
        private boolean extensive;
        private boolean flushed;
        private boolean noSessions;
        private boolean decrypt;
        private boolean encrypt;
        private boolean physicalPresence;

        private Builder(int code) {
            this.code = code;
        }

        public Builder handle(String name, HandleType type, AuthRole role) {
            handles.add(new HandleSpec(name, type, role));
            return this;
        }

        public Builder handle(String name, HandleType type) {
            return handle(name, type, AuthRole.NONE);
        }

        public Builder responseHandle() {
            responseHandle = true;
            return this;
        }

        /** TPMA_CC.nv: the command may write NV. */
        public Builder nv() {
            nv = true;
            return this;
        }

        public Builder extensive() {
            extensive = true;
            return this;
        }

        public Builder flushed() {
            flushed = true;
            return this;
        }

        public Builder noSessions() {
            noSessions = true;
            return this;
        }

        public Builder decrypt() {
            decrypt = true;
            return this;
        }

        public Builder encrypt() {
            encrypt = true;
            return this;
        }

        public Builder physicalPresence() {
            physicalPresence = true;
            return this;
        }

        public CommandDescriptor build() {
            return new CommandDescriptor(this);
        }
    }
}
