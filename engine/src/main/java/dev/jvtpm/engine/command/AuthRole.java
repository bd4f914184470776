package dev.jvtpm.engine.command;

/** The authorization a handle needs (Part 3 "Auth Role"); NONE means no session is consumed. */
public enum AuthRole {
    NONE, USER, ADMIN, DUP
}
