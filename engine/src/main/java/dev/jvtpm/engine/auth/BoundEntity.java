package dev.jvtpm.engine.auth;

import java.util.Arrays;

/**
 * SessionComputeBoundEntity (Part 1 §19.6.10, "bound sessions"): the bind value of a session is
 * the entity's Name zero-extended to the size of a TPMU_NAME with its authValue (trailing zeros
 * stripped) XORed into the last bytes, so a later change of the authValue unbinds the session.
 */
final class BoundEntity {
    /** sizeof(TPMU_NAME): a TPMT_HA with the largest digest. */
    static final int SIZE = 2 + 64;

    private BoundEntity() {}

    static byte[] of(Entity e) {
        byte[] value = Arrays.copyOf(e.name(), SIZE);
        byte[] auth = SessionProcessor.stripTrailingZeros(e.authValue());
        for (int i = SIZE - auth.length, j = 0; i < SIZE; i++, j++) {
            value[i] ^= auth[j];
        }
        return value;
    }
}
