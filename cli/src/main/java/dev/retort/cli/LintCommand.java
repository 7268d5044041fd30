package dev.retort.cli;

import dev.retort.api.LintFinding;
import dev.retort.api.LintReport;
import dev.retort.api.Retort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lint}: the pending revisions (read from the database), or with {@code --all}, a range or {@code --dialect} the
 * scripts alone, checked for operations that lock tables or break the running release. One line per finding, or
 * {@code --json}; exit 1 when a finding is an error. Runs through the Java API, as the Maven plugin and the starter do.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check revisions for unsafe operations (DESIGN rules RT101-RT402); exit 1 on an error finding.")
final class LintCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;

    @Option(names = "--all", description = "every revision, not only those the database has still to run") boolean all;
    @Option(names = "--dialect", description = "lint for this database without connecting to one (every revision unless a range is given)")
    String dialect;
    @Parameters(paramLabel = "REV-RANGE", arity = "0..1", description = "FROM:TO (the revisions an upgrade from FROM to TO runs) or one revision")
    String range;

    @Override public Integer call() {
        if (all && range != null) throw new Errors.BadUsage("lint takes --all or a revision range, not both");
        if (dialect != null) RetortCli.dialectNamed(dialect);
        LintReport report;
        try (Retort retort = root.engine(root.chosenSection()).load()) {
            boolean offline = all || range != null || dialect != null;
            report = offline ? retort.lint(all ? null : range, dialect) : retort.lint();
        }
        if (root.json) root.out.println(Json.write(report.findings().stream().map(LintCommand::json).toList()));
        else if (report.findings().isEmpty()) root.out.println("No findings in " + count(report.revisions()) + ".");
        else root.out.print(report.text());
        root.out.flush();
        return report.passed() ? 0 : 1;
    }

    private static String count(List<String> revisions) { return revisions.size() + (revisions.size() == 1 ? " revision" : " revisions"); }

    /** {@code {"code", "severity", "revision", "file", "line", "message"}}: the contract, nothing more. */
    private static Map<String, Object> json(LintFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity());
        m.put("revision", f.revision());
        m.put("file", f.file());
        m.put("line", f.line());
        m.put("message", f.message());
        return m;
    }
}
