package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.HierarchyPolicy;

/** A session handle in a command's handle area (the policy commands): its Name is the handle. */
public record SessionEntity(int handle) implements Entity {
    @Override
    public byte[] name() {
        return new byte[] {(byte) (handle >>> 24), (byte) (handle >>> 16), (byte) (handle >>> 8), (byte) handle};
    }

    @Override
    public byte[] authValue() {
        return new byte[0];
    }

    @Override
    public HierarchyPolicy authPolicy() {
        return HierarchyPolicy.EMPTY;
    }

    @Override
    public boolean daProtected() {
        return false;
    }
}
