package dev.retort.test;

import dev.retort.api.CheckResult;
import dev.retort.api.Retort;
import dev.retort.api.TestOptions;
import dev.retort.api.TestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The checks of {@code retort test} from a test suite, Spock or JUnit alike:
 * {@code RetortChecks.forProject(Path.of("retort.ini")).run().assertPassed()}, or as JUnit dynamic tests with
 * {@link #dynamicTests()}. Each call of {@link #run()} makes its own throw-away databases and drops them.
 */
public final class RetortChecks {
    private final Path configFile;
    private final String section;
    private final TestOptions options;

    private RetortChecks(Path configFile, String section, TestOptions options) {
        this.configFile = configFile;
        this.section = section;
        this.options = options;
    }

    /** The project of this {@code retort.ini}, or of the {@code retort.ini} in this folder. */
    public static RetortChecks forProject(Path configFileOrFolder) {
        Path file = Files.isDirectory(configFileOrFolder) ? configFileOrFolder.resolve("retort.ini") : configFileOrFolder;
        return new RetortChecks(file, null, TestOptions.defaults());
    }

    /** The section of retort.ini to use, as {@code retort -n NAME}. */
    public RetortChecks section(String name) { return new RetortChecks(configFile, name, options); }

    /** Only these checks: {@code single-head}, {@code upgrade}, {@code stairway}, {@code no-trace}, {@code model}, {@code data}. */
    public RetortChecks only(String... checks) { return new RetortChecks(configFile, section, options.only(checks)); }

    /** Throw-away databases on the server of the project's own {@code url}, as {@code retort test --scratch}. */
    public RetortChecks scratch() { return new RetortChecks(configFile, section, options.onProjectServer()); }

    /** Throw-away databases on this server, e.g. a Testcontainers PostgreSQL's JDBC URL with its user and password. */
    public RetortChecks scratch(String jdbcUrl, String user, String password) {
        return new RetortChecks(configFile, section, options.scratchServer(jdbcUrl, user, password));
    }

    /** Throw-away databases on this server, credentials in the URL (or none needed). */
    public RetortChecks scratch(String jdbcUrl) { return scratch(jdbcUrl, null, null); }

    /** Runs the checks now and returns what they found; {@link TestReport#assertPassed()} turns failures into an AssertionError. */
    public TestReport run() {
        try (Retort retort = Retort.configure().configFile(configFile).section(section).load()) {
            return retort.test(options);
        }
    }

    /**
     * Runs the checks now and gives one dynamic test per check, named after it, failing with the check's line and
     * details: return it from a {@code @TestFactory} method.
     */
    public Stream<DynamicTest> dynamicTests() {
        return run().checks().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (!c.passed()) throw new AssertionFailedError(describe(c));
        }));
    }

    static String describe(CheckResult c) {
        StringBuilder sb = new StringBuilder(c.line());
        for (String d : c.details()) sb.append("\n    ").append(d);
        return sb.toString();
    }

    @Override public String toString() { return "RetortChecks[" + configFile + (section == null ? "" : " -n " + section) + ", " + options + "]"; }
}
