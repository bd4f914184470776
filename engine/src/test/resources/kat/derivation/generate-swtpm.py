#!/usr/bin/python3
"""Produces the primary-derivation KATs from swtpm 0.7.1 / libtpms 0.9.2 as the oracle.

Starts a fresh swtpm, creates primary objects in the three hierarchies from fixed templates
(TPM2_CreatePrimary through python3-tpm2-pytss' ESAPI), creates a few ordinary objects under two of
them (TPM2_Create: their TPM2B_PRIVATE is wrapped with the derived parent's seed), makes credentials
for the two EKs (TPM2_MakeCredential: the blob is keyed by a seed only the EK's private key
recovers), then reads the
hierarchy seeds and proofs out of swtpm's state file (libtpms PERSISTENT_DATA). The Java tests
derive the same objects from those seeds and must get swtpm's public areas bit for bit.

Run: /usr/bin/python3 generate-swtpm.py > swtpm-libtpms-0.9.2.properties
"""
import os, shutil, socket, subprocess, sys, tempfile, time
from tpm2_pytss import ESAPI, TCTILdr
from tpm2_pytss.constants import ESYS_TR
from tpm2_pytss.types import *

EK_POLICY = "837197674484b3f81a90cc8d46a5d724fd52d76e06520b64f2a1da1b331469aa"
Z32 = "00" * 32

# label -> (hierarchy, TPMT_PUBLIC hex, sensitive data hex, userAuth hex, outsideInfo hex)
T = {
    "rsa2048.storage": "0001 000b 00030072 0000 0006 0080 0043 0010 0800 00000000 0000",
    "rsa2048.sign.unique": "0001 000b 00040072 0000 0010 0010 0800 00000000 0005 68656c6c6f",
    "rsa2048.sign.e65539": "0001 000b 00040072 0000 0010 0010 0800 00010003 0000",
    "rsa3072.sign.sha384": "0001 000c 00040072 0000 0010 0014 000c 0c00 00000000 0000",
    "rsa2048.storage.sha1": "0001 0004 00030072 0000 0006 0080 0043 0010 0800 00000000 0000",
    "ecc256.storage": "0023 000b 00030072 0000 0006 0080 0043 0010 0003 0010 0000 0000",
    "ecc256.sign": "0023 000b 00040072 0000 0010 0018 000b 0003 0010 0000 0000",
    "ecc256.sign.unique": "0023 000b 00040072 0000 0010 0018 000b 0003 0010 0003 616263 0000",
    "ecc384.sign": "0023 000c 00040072 0000 0010 0018 000c 0004 0010 0000 0000",
    "ecc521.sign": "0023 000d 00040072 0000 0010 0018 000d 0005 0010 0000 0000",
    "hmac.sha256": "0008 000b 00040072 0000 0005 000b 0000",
    "hmac.sha512.userkey": "0008 000b 00040052 0000 0005 000d 0000",
    "sealed": "0008 000b 00000052 0000 0010 0000",
    "aes128cfb": "0025 000b 00020072 0000 0006 0080 0043 0000",
    "aes256cfb.storage": "0025 000b 00030072 0000 0006 0100 0043 0000",
    "aes128cfb.userkey": "0025 000b 00020052 0000 0006 0080 0043 0000",
    "aes128cfb.unique": "0025 000b 00020072 0000 0006 0080 0043 0003 78797a",
    "ek.rsa2048": "0001 000b 000300b2 0020" + EK_POLICY + "0006 0080 0043 0010 0800 00000000 0100" + "00" * 256,
    "ek.ecc256": "0023 000b 000300b2 0020" + EK_POLICY + "0006 0080 0043 0010 0003 0010 0020" + Z32 + "0020" + Z32,
}

# label -> (hierarchy, template, sensitive data hex, userAuth hex, outsideInfo hex)
PRIMARIES = [
    ("owner.rsa2048.storage", "o", T["rsa2048.storage"], "", "", ""),
    ("owner.rsa2048.sign.unique", "o", T["rsa2048.sign.unique"], "", "", ""),
    ("owner.rsa2048.sign.e65539", "o", T["rsa2048.sign.e65539"], "", "", ""),
    ("owner.rsa3072.sign.sha384", "o", T["rsa3072.sign.sha384"], "", "", ""),
    ("owner.rsa2048.storage.data", "o", T["rsa2048.storage"], "0102030405", "", ""),
    ("owner.rsa2048.storage.auth", "o", T["rsa2048.storage"], "", "70617373776f7264", ""),
    ("owner.rsa2048.storage.sha1", "o", T["rsa2048.storage.sha1"], "", "", ""),
    ("owner.ecc256.storage", "o", T["ecc256.storage"], "", "", ""),
    ("owner.ecc256.storage.outside", "o", T["ecc256.storage"], "", "", "0a0b0c"),
    ("owner.ecc256.sign.unique", "o", T["ecc256.sign.unique"], "", "", ""),
    ("owner.ecc384.sign", "o", T["ecc384.sign"], "", "", ""),
    ("owner.ecc521.sign", "o", T["ecc521.sign"], "", "", ""),
    ("owner.hmac.sha256", "o", T["hmac.sha256"], "", "", ""),
    ("owner.hmac.sha512.userkey", "o", T["hmac.sha512.userkey"], "00112233445566778899aabbccddeeff", "", ""),
    ("owner.sealed", "o", T["sealed"], "7365616c656420736563726574", "", ""),
    ("owner.aes128cfb", "o", T["aes128cfb"], "", "", ""),
    ("owner.aes256cfb.storage", "o", T["aes256cfb.storage"], "", "", ""),
    ("owner.aes128cfb.userkey", "o", T["aes128cfb.userkey"], "000102030405060708090a0b0c0d0e0f", "", ""),
    ("owner.aes128cfb.unique", "o", T["aes128cfb.unique"], "", "", ""),
    ("endorsement.ek.rsa2048", "e", T["ek.rsa2048"], "", "", ""),
    ("endorsement.ek.ecc256", "e", T["ek.ecc256"], "", "", ""),
    ("endorsement.ecc256.storage", "e", T["ecc256.storage"], "", "", ""),
    ("endorsement.hmac.sha256", "e", T["hmac.sha256"], "", "", ""),
    ("platform.ecc256.sign", "p", T["ecc256.sign"], "", "", ""),
]

# Ordinary objects created under a primary: label -> (parent label, template, sensitive data hex)
CHILDREN = [
    ("owner.rsa2048.storage/ecc256.sign", "owner.rsa2048.storage", T["ecc256.sign"], ""),
    ("owner.rsa2048.storage/sealed", "owner.rsa2048.storage", T["sealed"], "736f6d6520736563726574"),
    ("endorsement.ecc256.storage/hmac", "endorsement.ecc256.storage", T["hmac.sha256"], ""),
    ("owner.aes256cfb.storage/sealed", "owner.aes256cfb.storage", T["sealed"], "6162"),
]

# TPM2_MakeCredential with a primary as the key: label -> (key label, credential hex, object name hex)
CREDENTIALS = [
    ("credential.ek.rsa2048", "endorsement.ek.rsa2048", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
     "000b" + "5a" * 32),
    ("credential.ek.ecc256", "endorsement.ek.ecc256", "cafebabe", "0004" + "a5" * 20),
]

HIER = {"o": ESYS_TR.OWNER, "e": ESYS_TR.ENDORSEMENT, "p": ESYS_TR.PLATFORM}


def free_port_pair():
    """A free port whose successor is free too: the swtpm TCTI expects the control port at port+1."""
    while True:
        a = socket.socket()
        a.bind(("127.0.0.1", 0))
        p = a.getsockname()[1]
        b = socket.socket()
        try:
            b.bind(("127.0.0.1", p + 1))
            return p, p + 1
        except OSError:
            pass
        finally:
            a.close()
            b.close()


def pub_of(hexstr):
    b = bytes.fromhex(hexstr)
    t, off = TPMT_PUBLIC.unmarshal(b)
    assert off == len(b), (hexstr, off, len(b))
    return t


def main():
    state = tempfile.mkdtemp(prefix="jvtpm-kat-swtpm-")
    sport, cport = free_port_pair()
    proc = subprocess.Popen(["swtpm", "socket", "--tpm2", "--tpmstate", "dir=" + state,
                             "--server", f"type=tcp,port={sport},bindaddr=127.0.0.1",
                             "--ctrl", f"type=tcp,port={cport},bindaddr=127.0.0.1",
                             "--flags", "not-need-init,startup-clear"])
    try:
        time.sleep(1.0)
        ectx = ESAPI(TCTILdr("swtpm", f"host=127.0.0.1,port={sport}"))
        print("# generated by generate-swtpm.py against swtpm 0.7.1 / libtpms 0.9.2; do not edit")
        for label, h, tmpl, data, auth, outside in PRIMARIES:
            tmpl = tmpl.replace(" ", "")
            sens = TPM2B_SENSITIVE_CREATE(TPMS_SENSITIVE_CREATE(userAuth=TPM2B_AUTH(bytes.fromhex(auth)),
                                                                data=TPM2B_SENSITIVE_DATA(bytes.fromhex(data))))
            handle, public, _, _, _ = ectx.create_primary(sens, TPM2B_PUBLIC(publicArea=pub_of(tmpl)), HIER[h],
                                                          outside_info=TPM2B_DATA(bytes.fromhex(outside)))
            print(f"{label}.hierarchy={h}")
            print(f"{label}.template={tmpl}")
            print(f"{label}.data={data}")
            print(f"{label}.userAuth={auth}")
            print(f"{label}.outsideInfo={outside}")
            print(f"{label}.public={public.publicArea.marshal().hex()}")
            for child, parent, ctmpl, cdata in CHILDREN:
                if parent != label:
                    continue
                ctmpl = ctmpl.replace(" ", "")
                csens = TPM2B_SENSITIVE_CREATE(TPMS_SENSITIVE_CREATE(data=TPM2B_SENSITIVE_DATA(bytes.fromhex(cdata))))
                priv, cpub, _, _, _ = ectx.create(handle, csens, TPM2B_PUBLIC(publicArea=pub_of(ctmpl)))
                print(f"{child}.parent={parent}")
                print(f"{child}.template={ctmpl}")
                print(f"{child}.data={cdata}")
                print(f"{child}.public={cpub.publicArea.marshal().hex()}")
                print(f"{child}.private={bytes(priv).hex()}")
            for cred, key, value, objname in CREDENTIALS:
                if key != label:
                    continue
                blob, secret = ectx.make_credential(handle, TPM2B_DIGEST(bytes.fromhex(value)), TPM2B_NAME(bytes.fromhex(objname)))
                print(f"{cred}.key={key}")
                print(f"{cred}.value={value}")
                print(f"{cred}.objectName={objname}")
                print(f"{cred}.blob={bytes(blob).hex()}")
                print(f"{cred}.secret={bytes(secret).hex()}")
            ectx.flush_context(handle)
        ectx.close()
    finally:
        proc.terminate()
        proc.wait()
    blob = open(os.path.join(state, "tpm2-00.permall"), "rb").read()
    shutil.rmtree(state)
    i = blob.index(bytes.fromhex("12213443"))  # PERSISTENT_DATA_MAGIC
    pos = i + 4 + 2  # magic, min_version (the version u16 precedes the magic)
    pos += 1 + 6  # disableClear, ownerAlg, endorsementAlg, lockoutAlg

    def tpm2b():
        nonlocal pos
        n = int.from_bytes(blob[pos:pos + 2], "big")
        v = blob[pos + 2:pos + 2 + n]
        pos += 2 + n
        return v
    for _ in range(6):  # three policies, three auths
        tpm2b()
    for name in ["seed.endorsement", "seed.owner", "seed.platform", "proof.platform", "proof.owner", "proof.endorsement"]:
        print(f"{name}={tpm2b().hex()}")


main()
