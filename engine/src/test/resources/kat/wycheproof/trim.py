#!/usr/bin/env python3
"""Trims Wycheproof vector files to what jvtpm's providers implement; see README.md beside the output."""
import json, subprocess, sys, collections

REPO, OUT = sys.argv[1], sys.argv[2]
COMMIT = subprocess.check_output(["git", "-C", REPO, "rev-parse", "HEAD"], text=True).strip()
OURS = {"SHA-1", "SHA-256", "SHA-384", "SHA-512"}
DROP = {"publicKeyPem", "publicKeyJwk", "publicKeyDer", "publicKeyAsn", "keyJwk",
        "privateKeyPem", "privateKeyJwk", "privateKeyPkcs8"}

def load(name):
    return json.loads(subprocess.check_output(["git", "-C", REPO, "show", "HEAD:testvectors_v1/" + name]))

def write(name, d, groups, rule):
    out = {k: v for k, v in d.items() if k != "testGroups"}
    out["numberOfTests"] = sum(len(g["tests"]) for g in groups)
    out["jvtpmSource"] = {
        "repository": "https://github.com/C2SP/wycheproof",
        "commit": COMMIT,
        "path": "testvectors_v1/" + name,
        "license": "Apache License 2.0 (Copyright Google LLC and the C2SP Wycheproof contributors)",
        "trimmed": rule,
    }
    out["testGroups"] = [{k: v for k, v in g.items() if k not in DROP} for g in groups]
    with open(OUT + "/" + name, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")

def whole(name):
    d = load(name)
    write(name, d, d["testGroups"], "all test cases kept; PEM/JWK/DER key encodings removed")

def same_hash(name):
    d = load(name)
    groups = [g for g in d["testGroups"] if g["sha"] in OURS and g.get("mgfSha", g["sha"]) == g["sha"]]
    write(name, d, groups, "groups whose hash is SHA-1/256/384/512 and whose MGF1 hash equals it (the TPM "
          "uses one hash for both); PEM/JWK/DER key encodings removed")

def ecdh(name, valid_per_flag):
    d = load(name)
    g = d["testGroups"][0]
    seen = collections.Counter()
    kept = []
    for t in g["tests"]:
        key = tuple(t["flags"])
        if t["result"] != "valid" or seen[key] < valid_per_flag:
            kept.append(t)
            seen[key] += 1
    g = dict(g, tests=kept)
    write(name, d, [g], "every invalid and acceptable case; of the valid ones the first %d per flag set"
          % valid_per_flag)

for n in ["rsa_signature_2048_sha256_test.json", "rsa_signature_3072_sha256_test.json",
          "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_3072_sha256_mgf1_32_test.json",
          "rsa_oaep_2048_sha1_mgf1sha1_test.json", "rsa_oaep_2048_sha256_mgf1sha256_test.json",
          "rsa_oaep_3072_sha256_mgf1sha256_test.json",
          "ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
          "ecdsa_secp521r1_sha512_p1363_test.json"]:
    whole(n)
same_hash("rsa_pss_misc_test.json")
same_hash("rsa_oaep_misc_test.json")
ecdh("ecdh_secp256r1_ecpoint_test.json", 40)
ecdh("ecdh_secp384r1_ecpoint_test.json", 40)
ecdh("ecdh_secp521r1_ecpoint_test.json", 40)
