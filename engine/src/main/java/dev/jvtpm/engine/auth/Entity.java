package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.HierarchyPolicy;

/** Something a handle refers to, as authorization sees it. */
public interface Entity {
    int handle();

    /** The name used in cpHash: the handle for PCRs and permanent handles, nameAlg ‖ digest for objects and NV. */
    byte[] name();

    /** The authValue (not yet stripped of trailing zeros). */
    byte[] authValue();

    HierarchyPolicy authPolicy();

    /** Failures count against dictionary-attack protection. */
    boolean daProtected();
}
