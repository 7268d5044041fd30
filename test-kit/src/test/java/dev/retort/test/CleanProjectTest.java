package dev.retort.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.api.CheckResult;
import dev.retort.api.TestReport;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** @RetortTest as a user writes it: the checks as dynamic tests, and the report shared by the class's methods. */
@RetortTest(config = "src/test/projects/clean/retort.ini")
class CleanProjectTest {

    @TestFactory
    Stream<DynamicTest> migrations(RetortChecks checks) {
        return checks.dynamicTests();
    }

    @Test
    void theReportNamesEveryCheckThatApplies(TestReport report) {
        report.assertPassed();
        assertEquals(List.of("single-head", "upgrade", "stairway", "no-trace", "data"), report.checks().stream().map(CheckResult::name).toList());
        assertEquals("PASS data (2 blocks of retort-test.groovy)", report.check("data").orElseThrow().line());
    }

    @Test
    void theReportIsRunOncePerClass(TestReport first, TestReport second) {
        assertTrue(first == second);
    }
}
