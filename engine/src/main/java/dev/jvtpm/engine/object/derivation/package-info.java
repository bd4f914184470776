/**
 * Object key material: deterministic primary-object derivation and ordinary object creation.
 *
 * <ul>
 * <li>{@link dev.jvtpm.engine.object.derivation.PrimaryDerivation} — TPM2_CreatePrimary's
 *     derivation, versioned; {@code V1} is the TCG reference construction and produces the same
 *     keys as swtpm/libtpms 0.9.2 from the same seed (pinned by KATs read from swtpm's state).</li>
 * <li>{@link dev.jvtpm.engine.object.derivation.ObjectFactory} — CryptCreateObject: key, seedValue
 *     and unique from a {@link dev.jvtpm.engine.object.derivation.RandomSource}; used by both
 *     CreatePrimary (seeded DRBG) and Create (the TPM's DRBG).</li>
 * <li>{@link dev.jvtpm.engine.object.derivation.RsaKeySource} — where RSA keys come from;
 *     {@link dev.jvtpm.engine.object.derivation.ReferenceRsaKeyGenerator} is the deterministic
 *     BigInteger prime search (sieve + Miller-Rabin with DRBG-drawn bases).</li>
 * </ul>
 *
 * <p>Only AES (through the provider chain), SHA/HMAC, BigInteger and BouncyCastle's EC arithmetic
 * are used, so every provider and JDK gives the same bytes. Measured on the 2-core development
 * machine under load: RSA-2048 primary derivation median ≈ 70-150 ms (range 22-490 ms, the
 * spread is the prime search's), RSA-3072 ≈ 0.4 s (up to 1.5 s), ECC P-256 ≈ 1-3 ms.
 */
package dev.jvtpm.engine.object.derivation;
