/*
 * jvtpm's CPU entropy shim: RDSEED/RDRAND for the TPM DRBG's entropy input, and the CPUID bits
 * that say whether they exist. Built by native-bridge's Maven build (profile "rng-shim") into
 * target/classes/native/linux-x86_64/libjvtpm-rng.so and loaded by JNA from the classpath.
 * Health testing (SP 800-90B) is done in Java on what these return.
 */
#include <cpuid.h>
#include <immintrin.h>
#include <stdint.h>

#define JVTPM_RDRAND 1
#define JVTPM_RDSEED 2

/* CPUID.01H:ECX[30] is RDRAND, CPUID.(EAX=07H,ECX=0):EBX[18] is RDSEED. */
int jvtpm_rng_features(void)
{
    unsigned int a, b, c, d;
    int features = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & bit_RDRND)) {
        features |= JVTPM_RDRAND;
    }
    if (__get_cpuid_max(0, 0) >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        if (b & bit_RDSEED) {
            features |= JVTPM_RDSEED;
        }
    }
    return features;
}

/*
 * Fills out[0..n) with RDSEED words. A word whose carry flag stays clear after `retries` further
 * attempts (with PAUSE between, as Intel's DRNG guide advises under contention) ends the call:
 * the return value is the number of words filled.
 */
int jvtpm_rdseed64(uint64_t *out, int n, int retries)
{
    for (int i = 0; i < n; i++) {
        unsigned long long v;
        int t = 0;
        while (!_rdseed64_step(&v)) {
            if (++t > retries) {
                return i;
            }
            _mm_pause();
        }
        out[i] = v;
    }
    return n;
}

/* As jvtpm_rdseed64 with RDRAND; Intel documents persistent RDRAND failure after 10 retries as a fault. */
int jvtpm_rdrand64(uint64_t *out, int n, int retries)
{
    for (int i = 0; i < n; i++) {
        unsigned long long v;
        int t = 0;
        while (!_rdrand64_step(&v)) {
            if (++t > retries) {
                return i;
            }
        }
        out[i] = v;
    }
    return n;
}
