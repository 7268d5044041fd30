package dev.retort.cli;

import dev.retort.api.CheckResult;
import dev.retort.api.Retort;
import dev.retort.api.TestOptions;
import dev.retort.api.TestReport;
import dev.retort.internal.testkit.CheckName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code test}: the test kit's checks on throw-away databases, one line per check ({@code PASS stairway (42 revisions)},
 * {@code FAIL no-trace: …} and its details); exit 1 when any fails. Runs through the Java API, as the JUnit extension does.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Check the revisions on throw-away databases: single-head, upgrade, stairway, no-trace, model, data; exit 1 when one fails.")
final class TestCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;

    @Option(names = "--only", split = ",", paramLabel = "CHECK", description = "run only these checks, e.g. --only stairway,no-trace")
    List<String> only = new ArrayList<>();

    @Option(names = "--scratch", description = "make the throw-away databases on the server of the project's url instead of in-memory H2 (or test_url)")
    boolean scratch;

    @Override public Integer call() {
        for (String name : only) {
            try {
                CheckName.of(name);
            } catch (IllegalArgumentException e) {
                throw new Errors.BadUsage("--only: " + e.getMessage());
            }
        }
        RetortCli.single(root.config());
        TestOptions options = TestOptions.defaults().only(only.toArray(String[]::new));
        if (scratch) options = options.onProjectServer();
        TestReport report;
        try (Retort retort = engine()) {
            report = retort.test(options);
        }
        if (root.json) root.out.println(Json.write(json(report)));
        else root.out.print(report.text());
        root.out.flush();
        return report.passed() ? 0 : 1;
    }

    private Retort engine() {
        Retort.Builder builder = Retort.configure().configFile(root.configFile).section(root.section != null ? root.section : root.env.get("RETORT_ENV"))
                .environment(root.env);
        root.x.forEach(builder::x);
        if (root.url != null) builder.url(root.url);
        if (root.user != null) builder.user(root.user);
        if (root.password != null) builder.password(root.password);
        return builder.load();
    }

    /** {@code {"passed": bool, "checks": [{"name", "passed", "revision", "message"}]}}: the contract, nothing more. */
    private static Map<String, Object> json(TestReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", report.passed());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult c : report.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("passed", c.passed());
            m.put("revision", c.revision());
            m.put("message", c.message());
            checks.add(m);
        }
        out.put("checks", checks);
        return out;
    }
}
