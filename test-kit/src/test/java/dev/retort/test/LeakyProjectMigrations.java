package dev.retort.test;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * @RetortTest on a project whose downgrade leaves an index behind. Its name does not end in Test, so Surefire does not
 * run it; RetortTestExtensionSpec runs it through the JUnit launcher and looks at what failed.
 */
@RetortTest(config = "src/test/projects/leaky/retort.ini", only = {"single-head", "no-trace"})
class LeakyProjectMigrations {

    @TestFactory
    Stream<DynamicTest> migrations(RetortChecks checks) {
        return checks.dynamicTests();
    }
}
