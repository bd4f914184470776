package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;

/** A newly created object: its public area (unique filled in), its sensitive area, and its Name. */
public record CreatedObject(PublicArea publicArea, SensitiveArea sensitive, byte[] name) {}
