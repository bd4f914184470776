package dev.jvtpm.nativebridge.rng;

/** Where raw entropy words come from: the CPU instruction, or a stand-in in tests. */
interface RawSource {
    /** "rdseed" or "rdrand". */
    String instruction();

    /** Fills {@code words} from the start; returns how many were filled before the retries ran out. */
    int read(long[] words);
}
