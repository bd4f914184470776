package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link CreatePrimaryKnownAnswers} under the Java provider policies. */
class CreatePrimaryKatTest {
    @Nested
    class AllJavaProviders extends CreatePrimaryKnownAnswers {
        @Override
        protected CryptoSuite suite() {
            return ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        }

        @Test
        void everyPrimary() throws Exception {
            everyPrimaryIsSwtpms();
        }
    }

    @Nested
    class PureJava extends CreatePrimaryKnownAnswers {
        @Override
        protected CryptoSuite suite() {
            return ProviderChain.javaOnly().resolve(ProviderPolicy.pureJava());
        }

        @Test
        void everyPrimary() throws Exception {
            everyPrimaryIsSwtpms();
        }
    }
}
