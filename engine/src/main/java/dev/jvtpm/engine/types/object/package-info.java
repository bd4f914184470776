/**
 * TPM 2.0 Part 2 object structures (§10.7 tickets, §11 algorithm parameters and schemes, §12
 * key/object complex, §15 creation data) as records with explicit codecs; unions are sealed
 * interfaces keyed by their selector.
 *
 * <p>Unmarshalling follows libtpms 0.9.2 (Unmarshal.c) code for code: which TPM_RC each interface
 * type answers, where TPM_ALG_NULL is allowed, and that TPM2B structures with an inner structure
 * are read from the stream and then compared with their size. Errors are raised through
 * {@link dev.jvtpm.engine.wire.TpmReader#fail(int)} so they carry the command parameter the
 * caller declared.
 *
 * <p>Where this TPM implements less than libtpms it answers as a TPM compiled without the
 * algorithm would (the reference unmarshaller rejects unimplemented values at the selector):
 * <ul>
 * <li>SM3-256 (TPM_RC_HASH); SM4, Camellia and TDES (TPM_RC_SYMMETRIC); CMAC as a mode
 *     (TPM_RC_MODE);</li>
 * <li>ECDAA, ECSchnorr, SM2 and ECMQV as schemes (TPM_RC_SCHEME) and signatures (TPM_RC_SCHEME);</li>
 * <li>NIST P-192/P-224, BN P-256/P-638 and SM2 P-256 (TPM_RC_CURVE);</li>
 * <li>consequently TPM2B_ECC_PARAMETER is limited to 66 bytes (P-521), where libtpms allows 80
 *     (BN P-638);</li>
 * <li>KDF2 (TPM_RC_KDF).</li>
 * </ul>
 * AES-192 is refused (TPM_RC_VALUE) as libtpms 0.9 refuses it. MGF1 is accepted as a KDF as libtpms accepts it (TPMI_ALG_KDF lists it). RSA key sizes are
 * 1024, 2048 and 3072 as in libtpms.
 */
package dev.jvtpm.engine.types.object;
