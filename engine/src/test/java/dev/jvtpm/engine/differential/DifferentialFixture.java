package dev.jvtpm.engine.differential;

import dev.jvtpm.engine.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the differential tests: before each test a fresh swtpm and in-process jvtpm
 * after Startup(CLEAR), as {@link #d}; both closed after it.
 */
abstract class DifferentialFixture {
    protected Differential d;

    @BeforeEach
    final void startBothTpms() throws Exception {
        d = Differential.start();
        d.same("Startup(CLEAR)", Commands.startup(0));
    }

    @AfterEach
    final void stopBothTpms() throws Exception {
        d.close();
    }
}
