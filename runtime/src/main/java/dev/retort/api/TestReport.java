package dev.retort.api;

import java.util.List;
import java.util.Optional;

/** What {@link Retort#test(TestOptions)} found: passed when every check passed. */
public record TestReport(boolean passed, List<CheckResult> checks) {
    public TestReport { checks = List.copyOf(checks); }

    public Optional<CheckResult> check(String name) { return checks.stream().filter(c -> c.name().equals(name)).findFirst(); }

    public List<CheckResult> failures() { return checks.stream().filter(c -> !c.passed()).toList(); }

    /** One line per check, each failure followed by its details indented: what {@code retort test} prints. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (CheckResult c : checks) {
            sb.append(c.line()).append('\n');
            for (String d : c.details()) sb.append("    ").append(d).append('\n');
        }
        return sb.toString();
    }

    /** For tests (JUnit, Spock): throws an {@link AssertionError} carrying every failure and its details. */
    public void assertPassed() {
        if (passed) return;
        List<CheckResult> failed = failures();
        StringBuilder sb = new StringBuilder("retort test: " + failed.size() + " of " + checks.size() + " checks failed\n");
        for (CheckResult c : failed) {
            sb.append(c.line()).append('\n');
            for (String d : c.details()) sb.append("    ").append(d).append('\n');
        }
        throw new AssertionError(sb.toString().stripTrailing());
    }
}
