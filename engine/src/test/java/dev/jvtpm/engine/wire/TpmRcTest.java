package dev.jvtpm.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.CavpFile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Part 2 §6.6: response code values, and the handle/parameter/session position of format-one codes. */
class TpmRcTest {
    @Test
    void everyConstantHasItsPart2Value() throws IllegalAccessException {
        Map<String, Integer> part2 = new HashMap<>();
        for (CavpFile.Record r : CavpFile.load("wire/tpm-rc.rsp")) {
            part2.put(r.get("Name"), Integer.decode(r.get("Code")));
        }
        int checked = 0;
        for (Field f : TpmRc.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                assertThat(part2).as(f.getName()).containsEntry("TPM_RC_" + f.getName(), f.getInt(null));
                assertThat(TpmRc.describe(f.getInt(null))).isEqualTo("TPM_RC_" + f.getName());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void formatOneCodesCarryTheirPosition() {
        assertThat(TpmRc.atParameter(TpmRc.VALUE, 1)).isEqualTo(0x1C4);
        assertThat(TpmRc.atParameter(TpmRc.INSUFFICIENT, 1)).isEqualTo(0x1DA);
        assertThat(TpmRc.atParameter(TpmRc.SIZE, 2)).isEqualTo(0x2D5);
        assertThat(TpmRc.atParameter(TpmRc.VALUE, 15)).isEqualTo(0xFC4);
        assertThat(TpmRc.atSession(TpmRc.AUTH_FAIL, 1)).isEqualTo(0x98E);
        assertThat(TpmRc.atSession(TpmRc.BAD_AUTH, 1)).isEqualTo(0x9A2);
        assertThat(TpmRc.atSession(TpmRc.BAD_AUTH, 3)).isEqualTo(0xBA2);
        assertThat(TpmRc.atHandle(TpmRc.HANDLE, 1)).isEqualTo(0x18B);
        assertThat(TpmRc.atHandle(TpmRc.VALUE, 2)).isEqualTo(0x284);
    }

    @Test
    void formatZeroCodesAndWarningsAreNeverPositioned() {
        for (int code : new int[] {TpmRc.REFERENCE_H0, TpmRc.INITIALIZE, TpmRc.COMMAND_CODE, TpmRc.AUTH_MISSING,
            TpmRc.LOCKOUT, TpmRc.RETRY, TpmRc.BAD_TAG, TpmRc.SUCCESS}) {
            for (int n = 1; n <= 7; n++) {
                assertThat(TpmRc.atHandle(code, n)).isEqualTo(code);
                assertThat(TpmRc.atParameter(code, n)).isEqualTo(code);
                assertThat(TpmRc.atSession(code, n)).isEqualTo(code);
            }
            assertThat(TpmRc.isFormatOne(code)).isFalse();
            assertThat(TpmRc.base(code)).isEqualTo(code);
        }
        assertThat(TpmRc.REFERENCE_H0).isEqualTo(0x910);
    }

    @Test
    void baseStripsEveryPosition() {
        for (int code = 0x081; code <= 0x0BF; code++) {
            for (int n = 1; n <= 7; n++) {
                assertThat(TpmRc.base(TpmRc.atHandle(code, n))).isEqualTo(code);
                assertThat(TpmRc.base(TpmRc.atSession(code, n))).isEqualTo(code);
            }
            for (int n = 1; n <= 15; n++) {
                assertThat(TpmRc.base(TpmRc.atParameter(code, n))).isEqualTo(code);
            }
        }
    }

    @Test
    void describeNamesTheCodeAndItsPosition() {
        assertThat(TpmRc.describe(0x1C4)).isEqualTo("TPM_RC_VALUE (parameter 1)");
        assertThat(TpmRc.describe(0xFC4)).isEqualTo("TPM_RC_VALUE (parameter 15)");
        assertThat(TpmRc.describe(0x98E)).isEqualTo("TPM_RC_AUTH_FAIL (session 1)");
        assertThat(TpmRc.describe(0x9A2)).isEqualTo("TPM_RC_BAD_AUTH (session 1)");
        assertThat(TpmRc.describe(0x18B)).isEqualTo("TPM_RC_HANDLE (handle 1)");
        assertThat(TpmRc.describe(0x08B)).isEqualTo("TPM_RC_HANDLE");
        assertThat(TpmRc.describe(0x910)).isEqualTo("TPM_RC_REFERENCE_H0");
        assertThat(TpmRc.describe(0x100)).isEqualTo("TPM_RC_INITIALIZE");
        assertThat(TpmRc.describe(0x17F)).isEqualTo("0x17F");
        assertThat(TpmRc.describe(0x1C6)).isEqualTo("0x086 (parameter 1)");
    }

    @Test
    void exceptionsPositionOnceAndDescribeThemselves() {
        TpmException e = new TpmException(TpmRc.VALUE, "bad selector");
        assertThat(e.atParameter(2).rc()).isEqualTo(0x2C4);
        assertThat(e.atParameter(2).atHandle(1).atSession(3).rc()).isEqualTo(0x2C4);
        assertThat(e.atSession(1).rc()).isEqualTo(0x984);
        assertThat(e.atParameter(2).getMessage()).isEqualTo("TPM_RC_VALUE (parameter 2): bad selector");
        assertThat(new TpmException(TpmRc.REFERENCE_H0).atHandle(1).rc()).isEqualTo(0x910);
        assertThat(TpmException.session(1, TpmRc.AUTH_FAIL).rc()).isEqualTo(0x98E);
        assertThat(TpmException.handle(1, TpmRc.HANDLE).rc()).isEqualTo(0x18B);
        assertThat(TpmException.parameter(1, TpmRc.VALUE).getMessage()).isEqualTo("TPM_RC_VALUE (parameter 1)");
    }
}
