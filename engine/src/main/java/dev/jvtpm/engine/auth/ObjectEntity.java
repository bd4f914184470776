package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.object.LoadedObject;

/** A loaded transient object as authorization sees it: its Name, authValue, policy and noDA. */
public record ObjectEntity(int handle, LoadedObject object) implements Entity {
    @Override
    public byte[] name() {
        return object.name();
    }

    @Override
    public byte[] authValue() {
        return object.authValue();
    }

    @Override
    public HierarchyPolicy authPolicy() {
        return object.authPolicy();
    }

    @Override
    public boolean daProtected() {
        return !object.noDA();
    }

    @Override
    public int hierarchy() {
        return object.hierarchy();
    }
}
