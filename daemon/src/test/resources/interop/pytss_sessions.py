#!/usr/bin/python3
"""ESAPI (tpm2-tss through python3-tpm2-pytss) session flows against a TPM on tcti-swtpm.

ESAPI computes command HMACs and parameter encryption itself and checks every response HMAC
(a wrong one raises TSS2_ESYS_RC_RSP_AUTH_FAILED), so each flow that completes is a TPM that
agrees with tpm2-tss. Prints one "name=value" line per result for the Java test to compare.
Usage: pytss_sessions.py HOST PORT
"""
import sys
from tpm2_pytss import *
from tpm2_pytss.constants import *

host, port = sys.argv[1], sys.argv[2]
e = ESAPI("swtpm:host=%s,port=%s" % (host, port))


def out(name, value):
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).hex()
    print("%s=%s" % (name, value), flush=True)


def aes(bits):
    return TPMT_SYM_DEF(algorithm=TPM2_ALG.AES, keyBits=TPMU_SYM_KEY_BITS(aes=bits),
                        mode=TPMU_SYM_MODE(aes=TPM2_ALG.CFB))


def xor(hash_alg):
    return TPMT_SYM_DEF(algorithm=TPM2_ALG.XOR, keyBits=TPMU_SYM_KEY_BITS(exclusiveOr=hash_alg))


NULL_SYM = TPMT_SYM_DEF(algorithm=TPM2_ALG.NULL)
ENC = TPMA_SESSION.CONTINUESESSION | TPMA_SESSION.ENCRYPT | TPMA_SESSION.DECRYPT
DATA = b"pytss session data"

# Parameter encryption both ways with every cipher, for each session hash.
for name, sym, h in (("aes128", aes(128), TPM2_ALG.SHA256), ("aes256", aes(256), TPM2_ALG.SHA384),
                     ("xor", xor(TPM2_ALG.SHA256), TPM2_ALG.SHA256), ("xorsha1", xor(TPM2_ALG.SHA1), TPM2_ALG.SHA1)):
    s = e.start_auth_session(ESYS_TR.NONE, ESYS_TR.NONE, TPM2_SE.HMAC, sym, h)
    e.trsess_set_attributes(s, ENC)
    digest, _ = e.hash(DATA, TPM2_ALG.SHA256, ESYS_TR.RH_NULL, session1=s)
    out("hash." + name, bytes(digest))
    out("random." + name, len(bytes(e.get_random(32, session1=s))))
    e.flush_context(s)

# An HMAC session authorizing with the owner's authValue, then bound to it, changing it twice.
e.hierarchy_change_auth(ESYS_TR.OWNER, b"first")
e.tr_set_auth(ESYS_TR.OWNER, b"first")
s = e.start_auth_session(ESYS_TR.NONE, ESYS_TR.NONE, TPM2_SE.HMAC, aes(128), TPM2_ALG.SHA256)
e.trsess_set_attributes(s, ENC)
e.hierarchy_change_auth(ESYS_TR.OWNER, b"second", session1=s)
out("changeauth.unbound", "ok")
bound = e.start_auth_session(ESYS_TR.NONE, ESYS_TR.OWNER, TPM2_SE.HMAC, aes(256), TPM2_ALG.SHA512)
e.trsess_set_attributes(bound, ENC)
# Bound entity: the owner's authValue stays out of the HMAC key.
e.clock_rate_adjust(TPM2_CLOCK.NO_CHANGE, ESYS_TR.OWNER, session1=bound)
out("bound.owner", "ok")
# Another entity: its authValue goes in.
e.hierarchy_change_auth(ESYS_TR.ENDORSEMENT, b"endorsement", session1=bound)
out("bound.endorsement", "ok")
# (ESAPI and libtpms disagree on the response HMAC when a bound session changes its own bind
# entity's authValue - libtpms keeps the command's includeAuth - so that flow is not here.)
e.hierarchy_change_auth(ESYS_TR.OWNER, b"", session1=s)
out("changeauth.back", "ok")
e.flush_context(s)
e.flush_context(bound)

# A salted-free, bound-to-null session for PCR_Event with an encrypted event.
s = e.start_auth_session(ESYS_TR.NONE, ESYS_TR.RH_NULL, TPM2_SE.HMAC, xor(TPM2_ALG.SHA256), TPM2_ALG.SHA256)
e.trsess_set_attributes(s, ENC)
digests = e.pcr_event(ESYS_TR.PCR16, DATA, session1=s)
for d in digests:
    out("pcrevent.%d" % int(d.hashAlg), d.marshal()[2:])
e.flush_context(s)

# Audit session.
a = e.start_auth_session(ESYS_TR.NONE, ESYS_TR.NONE, TPM2_SE.HMAC, NULL_SYM, TPM2_ALG.SHA256)
e.trsess_set_attributes(a, TPMA_SESSION.CONTINUESESSION | TPMA_SESSION.AUDIT)
e.get_random(8, session1=a)
e.hash(DATA, TPM2_ALG.SHA1, ESYS_TR.RH_NULL, session1=a)
info, sig = e.get_session_audit_digest(ESYS_TR.RH_NULL, a, b"", privacy_admin_handle=ESYS_TR.ENDORSEMENT)
attest, _ = TPMS_ATTEST.unmarshal(bytes(info))
out("audit.type", int(attest.type))
out("audit.exclusive", int(attest.attested.sessionAudit.exclusiveSession))
out("audit.digestsize", len(bytes(attest.attested.sessionAudit.sessionDigest)))
e.flush_context(a)

# Trial policy digests computed by the TPM from ESAPI-marshalled commands.
for hname, h in (("sha1", TPM2_ALG.SHA1), ("sha256", TPM2_ALG.SHA256)):
    t = e.start_auth_session(ESYS_TR.NONE, ESYS_TR.NONE, TPM2_SE.TRIAL, NULL_SYM, h)
    e.policy_auth_value(t)
    e.policy_command_code(t, TPM2_CC.PCR_Extend)
    e.policy_locality(t, TPMA_LOCALITY.ZERO | TPMA_LOCALITY.THREE)
    e.policy_pcr(t, b"", TPML_PCR_SELECTION.parse("sha256:0,1,2"))
    e.policy_nv_written(t, True)
    e.policy_physical_presence(t)
    out("policy.%s.chain" % hname, bytes(e.policy_get_digest(t)))
    e.policy_password(t)
    e.policy_or(t, TPML_DIGEST([bytes(e.policy_get_digest(t)), b"\x00" * (20 if h == TPM2_ALG.SHA1 else 32)]))
    out("policy.%s.or" % hname, bytes(e.policy_get_digest(t)))
    e.policy_restart(t)
    e.policy_secret(ESYS_TR.ENDORSEMENT, t, b"", b"", b"ref", 0)
    out("policy.%s.secret" % hname, bytes(e.policy_get_digest(t)))
    e.flush_context(t)
out("done", "yes")
