package dev.jvtpm.daemon.interop.tools;

import static dev.jvtpm.daemon.interop.tools.ToolTarget.must;
import static dev.jvtpm.daemon.interop.tools.ToolTarget.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The remote-attestation workflows of tpm2-tools 5.4 (tier 2: createek, createak, quote,
 * checkquote, certify, certifycreation, nvcertify, gettime) against the jvtpm daemon and against
 * swtpm 0.7.1 in the same test: every step must succeed or fail alike, tpm2_checkquote must accept
 * the quote in software (and refuse it for another nonce), openssl must verify every signature
 * with the signer's PEM public key, and what tpm2_print shows of each TPMS_ATTEST must be equal
 * apart from what legitimately differs (Clock, the obfuscated counters, the signer's and
 * certified objects' Names where the keys differ by seed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttestationToolFlowsTest {
    private static final String NONCE = "5ecd1f2a9b";
    private SideBySide tpms;

    @BeforeAll
    void start() throws Exception {
        tpms = SideBySide.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (tpms != null) {
            tpms.close();
        }
    }

    /**
     * A TPMS_ATTEST file as a verifier compares it across TPMs: magic, type and extraData, and,
     * when {@code attestedToo}, the type-specific part in hex. Clock info, firmware version and the
     * signer's Name are left out: they differ between two TPMs (obfuscation, seeds).
     */
    private static String attest(ToolTarget t, String file, boolean attestedToo) throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(t.file(file.substring(1))));
        if (b.getInt(0) != 0xFF544347) {
            throw new AssertionError(file + " is no TPMS_ATTEST: " + HexFormat.of().formatHex(b.array()));
        }
        String magic = Integer.toHexString(b.getInt());
        String type = Integer.toHexString(b.getShort() & 0xFFFF);
        int signerSize = b.getShort() & 0xFFFF;
        b.position(b.position() + signerSize);
        byte[] extra = new byte[b.getShort() & 0xFFFF];
        b.get(extra);
        b.position(b.position() + 8 + 4 + 4 + 1 + 8);
        byte[] rest = new byte[b.remaining()];
        b.get(rest);
        HexFormat hex = HexFormat.of();
        return magic + " " + type + " extraData=" + hex.formatHex(extra) + (attestedToo ? " attested=" + hex.formatHex(rest) : "");
    }

    /** What tpm2_print shows of a quote (the only TPMS_ATTEST type it prints), without the fields that differ between TPMs. */
    private static String printed(ToolTarget t, String file) throws Exception {
        String out = must(t.tool("tpm2_print", "-t", "TPMS_ATTEST", file), t + " print " + file).stdout();
        List<String> keep = new ArrayList<>();
        for (String line : out.split("\n")) {
            String l = line.strip();
            if (!l.matches("(clockInfo|clock|resetCount|restartCount|safe|firmwareVersion|qualifiedSigner|name|qualifiedName):.*")) {
                keep.add(l);
            }
        }
        return String.join("|", keep);
    }

    /** openssl's verdict on a plain signature of {@code message} by the PEM key. */
    private static String openssl(ToolTarget t, String pem, String message, String signature) throws Exception {
        return t.run("openssl", "dgst", "-sha256", "-verify", pem, "-signature", signature, message).stdout().strip();
    }

    @Test
    void ekAkQuoteAndCheckquote() throws Exception {
        List<String> seen = tpms.same(t -> {
            List<String> out = new ArrayList<>();
            must(t.tool("tpm2_createek", "-c", "@ek.ctx", "-G", "rsa", "-u", "@ek.pub"), t + " createek");
            must(t.tool("tpm2_pcrextend", "16:sha256=" + "ab".repeat(32)), t + " pcrextend");
            for (String[] ak : new String[][] {{"rsa", "rsassa"}, {"rsa", "rsapss"}, {"ecc", "ecdsa"}}) {
                String n = ak[0] + "-" + ak[1];
                must(t.tool("tpm2_createak", "-C", "@ek.ctx", "-c", "@" + n + ".ctx", "-G", ak[0], "-g", "sha256", "-s", ak[1],
                        "-u", "@" + n + ".pub", "-n", "@" + n + ".name"), t + " createak " + n);
                out.add(n + " quote: " + ok(t.tool("tpm2_quote", "-c", "@" + n + ".ctx", "-l", "sha256:0,1,2,16+sha1:16",
                        "-q", NONCE, "-m", "@" + n + ".msg", "-s", "@" + n + ".sig", "-o", "@" + n + ".pcrs", "-g", "sha256",
                        "--scheme", ak[1])));
                out.add(n + " checkquote: " + ok(t.tool("tpm2_checkquote", "-u", "@" + n + ".pub", "-m", "@" + n + ".msg",
                        "-s", "@" + n + ".sig", "-f", "@" + n + ".pcrs", "-g", "sha256", "-q", NONCE)));
                out.add(n + " checkquote, another nonce: " + ok(t.tool("tpm2_checkquote", "-u", "@" + n + ".pub",
                        "-m", "@" + n + ".msg", "-s", "@" + n + ".sig", "-f", "@" + n + ".pcrs", "-g", "sha256",
                        "-q", "5ecd1f2a9c")));
                out.add(n + " attest (pcrSelect and pcrDigest): " + attest(t, "@" + n + ".msg", true));
                out.add(n + " tpm2_print: " + printed(t, "@" + n + ".msg"));
            }
            out.add("quote with a scheme the AK does not have: " + ok(t.tool("tpm2_quote", "-c", "@ecc-ecdsa.ctx",
                    "-l", "sha256:0", "-q", NONCE, "-m", "@x.msg", "-s", "@x.sig", "-g", "sha384")));
            return out;
        });
        // tpm2_checkquote refuses RSAPSS quotes of swtpm just as of jvtpm (equal above; a tools bug,
        // tpm2-software/tpm2-tools#3283), so only the quote itself must succeed for that AK.
        assertThat(seen).contains("rsa-rsassa checkquote: ok", "rsa-rsapss quote: ok", "ecc-ecdsa checkquote: ok")
                .anyMatch(l -> l.startsWith("ecc-ecdsa checkquote, another nonce: exit"))
                .anyMatch(l -> l.startsWith("quote with a scheme the AK does not have: exit"));
    }

    @Test
    void certifyAndCertifyCreation() throws Exception {
        List<String> seen = tpms.same(t -> {
            List<String> out = new ArrayList<>();
            must(t.tool("tpm2_createprimary", "-C", "o", "-G", "ecc", "-c", "@srk.ctx"), t + " srk");
            must(t.tool("tpm2_create", "-C", "@srk.ctx", "-G", "ecc256:ecdsa-sha256:null", "-a",
                    "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign", "-u", "@ak.pub", "-r", "@ak.priv"),
                    t + " create ak");
            must(t.tool("tpm2_load", "-C", "@srk.ctx", "-u", "@ak.pub", "-r", "@ak.priv", "-c", "@ak.ctx"), t + " load ak");
            must(t.tool("tpm2_readpublic", "-c", "@ak.ctx", "-f", "pem", "-o", "@ak.pem"), t + " ak pem");
            must(t.tool("tpm2_create", "-C", "@srk.ctx", "-G", "rsa2048", "-u", "@key.pub", "-r", "@key.priv",
                    "--creation-data", "@key.cdata", "-t", "@key.ticket", "-d", "@key.chash"), t + " create key");
            must(t.tool("tpm2_load", "-C", "@srk.ctx", "-u", "@key.pub", "-r", "@key.priv", "-c", "@key.ctx"), t + " load key");

            out.add("certify: " + ok(t.tool("tpm2_certify", "-C", "@ak.ctx", "-c", "@key.ctx", "-g", "sha256",
                    "-o", "@certify.attest", "-s", "@certify.sig", "-f", "plain")));
            out.add("certify openssl: " + openssl(t, "@ak.pem", "@certify.attest", "@certify.sig"));
            out.add("certify attest: " + attest(t, "@certify.attest", false));

            out.add("certifycreation: " + ok(t.tool("tpm2_certifycreation", "-C", "@ak.ctx", "-c", "@key.ctx",
                    "-d", "@key.chash", "-t", "@key.ticket", "-g", "sha256", "-s", "ecdsa", "-f", "plain",
                    "-o", "@creation.sig", "--attestation", "@creation.attest", "-q", NONCE)));
            out.add("certifycreation openssl: " + openssl(t, "@ak.pem", "@creation.attest", "@creation.sig"));
            out.add("certifycreation attest: " + attest(t, "@creation.attest", false));
            byte[] hash = Files.readAllBytes(t.file("key.chash"));
            hash[hash.length - 1] ^= 1;
            Files.write(t.file("other.chash"), hash);
            out.add("certifycreation of another creation hash: " + ok(t.tool("tpm2_certifycreation", "-C", "@ak.ctx",
                    "-c", "@key.ctx", "-d", "@other.chash", "-t", "@key.ticket", "-g", "sha256", "-s", "ecdsa",
                    "-o", "@x.sig", "--attestation", "@x.attest")));
            out.add("certify by a key that cannot sign: " + ok(t.tool("tpm2_certify", "-C", "@srk.ctx", "-c", "@key.ctx",
                    "-g", "sha256", "-o", "@y.attest", "-s", "@y.sig")));
            return out;
        });
        assertThat(seen).contains("certify: ok", "certify openssl: Verified OK", "certifycreation: ok",
                "certifycreation openssl: Verified OK")
                .anyMatch(l -> l.startsWith("certifycreation of another creation hash: exit"))
                .anyMatch(l -> l.startsWith("certify by a key that cannot sign: exit"));
    }

    @Test
    void nvCertifyAndGetTime() throws Exception {
        List<String> seen = tpms.same(t -> {
            List<String> out = new ArrayList<>();
            must(t.tool("tpm2_createek", "-c", "@ek.ctx", "-G", "ecc", "-u", "@ek.pub"), t + " createek");
            must(t.tool("tpm2_createak", "-C", "@ek.ctx", "-c", "@ak.ctx", "-G", "ecc", "-g", "sha256", "-s", "ecdsa",
                    "-u", "@ak.pub"), t + " createak");
            must(t.tool("tpm2_readpublic", "-c", "@ak.ctx", "-f", "pem", "-o", "@ak.pem"), t + " ak pem");
            must(t.tool("tpm2_nvdefine", "0x1500016", "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite|authread|authwrite"),
                    t + " nvdefine");
            Files.writeString(t.file("nvdata"), "attested NV data, 32 bytes long!");
            must(t.tool("tpm2_nvwrite", "0x1500016", "-C", "o", "-i", "@nvdata"), t + " nvwrite");

            out.add("nvcertify: " + ok(t.tool("tpm2_nvcertify", "-C", "@ak.ctx", "-g", "sha256", "-s", "ecdsa", "-f", "plain",
                    "-o", "@nv.sig", "--attestation", "@nv.attest", "--size", "16", "--offset", "4", "-q", NONCE, "0x1500016")));
            out.add("nvcertify openssl: " + openssl(t, "@ak.pem", "@nv.attest", "@nv.sig"));
            out.add("nvcertify attest (index Name, offset, contents): " + attest(t, "@nv.attest", true));
            out.add("nvcertify past the end: " + ok(t.tool("tpm2_nvcertify", "-C", "@ak.ctx", "-g", "sha256", "-s", "ecdsa",
                    "-o", "@x.sig", "--attestation", "@x.attest", "--size", "16", "--offset", "20", "0x1500016")));

            out.add("gettime: " + ok(t.tool("tpm2_gettime", "-c", "@ak.ctx", "-g", "sha256", "-s", "ecdsa", "-f", "plain",
                    "-q", NONCE, "-o", "@time.sig", "--attestation", "@time.attest")));
            out.add("gettime openssl: " + openssl(t, "@ak.pem", "@time.attest", "@time.sig"));
            out.add("gettime attest: " + attest(t, "@time.attest", false));
            out.add("gettime with a wrong endorsement password: " + ok(t.tool("tpm2_gettime", "-c", "@ak.ctx", "-P", "wrong",
                    "-o", "@x.sig", "--attestation", "@x.attest")));
            return out;
        });
        assertThat(seen).contains("nvcertify: ok", "nvcertify openssl: Verified OK", "gettime: ok",
                "gettime openssl: Verified OK")
                .anyMatch(l -> l.startsWith("nvcertify past the end: exit"))
                .anyMatch(l -> l.startsWith("gettime with a wrong endorsement password: exit"));
    }
}
