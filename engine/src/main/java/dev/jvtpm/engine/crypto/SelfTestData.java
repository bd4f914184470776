package dev.jvtpm.engine.crypto;

/**
 * Known answers for the power-on self-tests of the asymmetric families ({@link SelfTest}). Made
 * once with Python's pyca/cryptography (its own bundled OpenSSL), independent of every provider
 * here, then checked against each of them by the unit tests.
 */
final class SelfTestData {
    private SelfTestData() {}

    /** A 1024-bit RSA key (e = 65537): small, because the self-test runs at every start. */
    static final String RSA_N = "f24ccf1103d405247f95f6d438a46cddb21dc8e4546ccd9c321c4e99f015892bff8bacd9f0e7e005b7e17c85"
            + "d7423187caff7c2090b9cec39a496881de92d77a55c5063c07b80daa1cdfde3a672b0237627306afb04144a8959bae97"
            + "5995731e8c42f85b2830191b4781fa47fefeba4eb73a6bfca0d3395356cf807079c59857";
    static final String RSA_P = "fa1b6922dccf670980587bac87755539c617ae9fa33a7bcd9abeacc1684ed85344f9656e6a53200888ae2865"
            + "e0a584348d55b0abb32920f08aea3c742cc1cba5";

    /** SHA-256("abc"), the digest every signature self-test signs. */
    static final String DIGEST = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    /** RSASSA-PKCS1-v1_5 / SHA-256 signature of {@link #DIGEST} under the key above. */
    static final String RSA_PKCS1_SIGNATURE = "af6c83bae23e5b87dc23744bc50b107eb1fd23a647cae550287e94c277b56babb8416e8f"
            + "80f4ecd77e061f75b0f1f7229949273d5bb8b279144875b5a263c0dde21cf8ca3fa6267d6434159a5cf00e75abf15ce5fc8756"
            + "8cc2e7050314de623dd162b6aba290fa1496d8c031115656c1979f851350fa44d4639418a69ff24ed1";

    /** RSAES-OAEP / SHA-256 of "jvtpm self-test" with the TPM label "SECRET\0". */
    static final String RSA_OAEP_CIPHERTEXT = "b64b6eb9ab99d38b99e5dcf50b16471a995df05979ee3c5af134488ec407da5221a1e337"
            + "2e973acb2f7b328fdb41e1d81c835e8c5a18893dfdcefb80eb588d123c5bf519dcae7d3c22ba4c9f00c7e6c6d0cde5e68db43f9"
            + "070b516da17d7dbcd3a2115bbff8a87b78b02a4f93bb0349666b2edb789e09f150370b34647f0427d";
    static final String RSA_OAEP_MESSAGE = "jvtpm self-test";
    static final String RSA_OAEP_LABEL = "534543524554" + "00";

    /** A P-256 key pair. */
    static final String EC_D = "ed4b3997a8694be46757efe21466e321ffaecb6a074d17d9b8d40860e1c8ef31";
    static final String EC_QX = "ebb3880d51cccaf7f9a07acb40d7c5341b1108c66472d4fc4f364808763cd824";
    static final String EC_QY = "b65019f7de4bfc845ab2217732e2a938c974922be4d036f11d25c8e54cf44662";

    /** An ECDSA signature of {@link #DIGEST} under that key. */
    static final String EC_R = "6e7a6e2d0550bba577810d059470a780dbf5b773a850fbdfc8dca99df810d113";
    static final String EC_S = "ea8e248ffa443cd8c1a0d53fcd5d1c8f5760578205c8e62b7cde3b1a2b898c50";

    /** A peer point and Z = d·peer. */
    static final String EC_PEER_X = "3347991c93356d03748dc1f7f9d63ddd2e93c153e95795fd10a066808cf84528";
    static final String EC_PEER_Y = "617283800233e86808b91f8e96a2b605e077db8a8a423ffcd9f14687ac923fd9";
    static final String EC_ZX = "773fcae7af051b4a270b68ce598f6371d35884566dea92d7e30112355829e2d4";
    static final String EC_ZY = "7861d9da16fae97534b01b8a4ea85a234a737006be7709223df6a52f8bc65758";
}
