#!/usr/bin/python3
"""What Linux 6.10+ with CONFIG_TCG_TPM2_HMAC does to a TPM, driven through ESAPI
(python3-tpm2-pytss) so that the session HMACs, the ECDH salt and the parameter encryption are
tpm2-tss's: drivers/char/tpm/tpm2-sessions.c creates an ECC P-256 primary in the null hierarchy
(restricted decrypt storage key, AES-128-CFB, noDA, empty unique), checks its Name, saves its
context and flushes it; for its traffic it loads the context again, starts an HMAC session salted
to it (bind TPM_RH_NULL, AES-128-CFB, SHA-256), flushes the key, and sends GetRandom with response
encryption and PCR_Extend authorized by the session, keeping the session loaded (continueSession).
Usage: kernel_hmac_flow.py HOST PORT
"""
import sys
from tpm2_pytss import *
from tpm2_pytss.constants import *

e = ESAPI("swtpm:host=%s,port=%s" % (sys.argv[1], sys.argv[2]))


def out(name, value):
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).hex()
    print("%s=%s" % (name, value), flush=True)


ATTRS = (TPMA_OBJECT.FIXEDTPM | TPMA_OBJECT.FIXEDPARENT | TPMA_OBJECT.SENSITIVEDATAORIGIN
         | TPMA_OBJECT.USERWITHAUTH | TPMA_OBJECT.NODA | TPMA_OBJECT.RESTRICTED | TPMA_OBJECT.DECRYPT)
template = TPM2B_PUBLIC(TPMT_PUBLIC(
    type=TPM2_ALG.ECC, nameAlg=TPM2_ALG.SHA256, objectAttributes=ATTRS,
    parameters=TPMU_PUBLIC_PARMS(eccDetail=TPMS_ECC_PARMS(
        symmetric=TPMT_SYM_DEF_OBJECT(algorithm=TPM2_ALG.AES, keyBits=TPMU_SYM_KEY_BITS(aes=128),
                                      mode=TPMU_SYM_MODE(aes=TPM2_ALG.CFB)),
        scheme=TPMT_ECC_SCHEME(scheme=TPM2_ALG.NULL), curveID=TPM2_ECC.NIST_P256,
        kdf=TPMT_KDF_SCHEME(scheme=TPM2_ALG.NULL)))))
AES128 = TPMT_SYM_DEF(algorithm=TPM2_ALG.AES, keyBits=TPMU_SYM_KEY_BITS(aes=128),
                      mode=TPMU_SYM_MODE(aes=TPM2_ALG.CFB))

key, public, _, _, _ = e.create_primary(TPM2B_SENSITIVE_CREATE(), template, ESYS_TR.RH_NULL)
name = bytes(e.tr_get_name(key))
# The kernel recomputes the Name from the public area and refuses a TPM that disagrees.
computed = b"\x00\x0b" + __import__("hashlib").sha256(public.marshal()[2:]).digest()
out("null.name.matches", name == computed)
ctx = e.context_save(key)
e.flush_context(key)
out("null.saved", "yes")

session = None
for round in range(3):
    key = e.context_load(ctx)
    out("round%d.name.same" % round, bytes(e.tr_get_name(key)) == name)
    # A fresh session salted to the reloaded key replaces the previous one.
    if session is not None:
        e.flush_context(session)
    session = e.start_auth_session(key, ESYS_TR.RH_NULL, TPM2_SE.HMAC, AES128, TPM2_ALG.SHA256)
    e.flush_context(key)
    e.trsess_set_attributes(session, TPMA_SESSION.CONTINUESESSION | TPMA_SESSION.ENCRYPT)
    out("round%d.random" % round, len(bytes(e.get_random(32, session1=session))))
    e.trsess_set_attributes(session, TPMA_SESSION.CONTINUESESSION)
    digests = TPML_DIGEST_VALUES([TPMT_HA(hashAlg=TPM2_ALG.SHA256, digest=TPMU_HA(sha256=bytes([round]) * 32))])
    e.pcr_extend(ESYS_TR.PCR10, digests, session1=session)
_, _, values = e.pcr_read(TPML_PCR_SELECTION.parse("sha256:10"))
out("pcr10", bytes(values[0]))
# The kernel's session stays loaded between commands.
more, caps = e.get_capability(TPM2_CAP.HANDLES, 0x02000000, 64)
out("loaded.sessions", [hex(h) for h in caps.data.handles])
e.flush_context(session)
out("done", "yes")
