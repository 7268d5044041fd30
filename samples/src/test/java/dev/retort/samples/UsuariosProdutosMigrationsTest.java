package dev.retort.samples;

import dev.retort.test.RetortChecks;
import dev.retort.test.RetortTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The usuarios-produtos sample's migrations tested from JUnit 5: one test per check (single head, upgrade, stairway,
 * no trace, the model, and the data checks of its retort-test.groovy), each on a throw-away in-memory H2.
 */
@RetortTest(config = "usuarios-produtos/retort.ini")
class UsuariosProdutosMigrationsTest {

    @TestFactory
    Stream<DynamicTest> migrations(RetortChecks checks) {
        return checks.dynamicTests();
    }
}
