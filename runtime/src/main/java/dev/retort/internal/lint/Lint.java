package dev.retort.internal.lint;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.command.MigrationRunner;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.config.ConfigException;
import dev.retort.internal.config.LintSettings;
import dev.retort.internal.db.Database;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.LoadedRevision;
import dev.retort.internal.script.RevisionSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code retort lint} (DESIGN §15): checks revisions' upgrade operations for one dialect, without running anything, and
 * reports each rule broken with its file and line, minus what {@code safetyAssured { }} and {@code retort:nolint} silence,
 * at the severity {@code retort.ini} gives the rule.
 */
public final class Lint {
    private Lint() {}

    /** The revisions an upgrade to {@code target} would run on this database, oldest first. */
    public static List<String> pending(Project project, Database database, String target) {
        // The graph this database sees, as the upgrade plans it (a squash stands in, or its originals, by the rows).
        Project seen = project.atRows(Status.currentRows(project, database));
        return ids(new Planner(seen.graph()).upgrade(seen.rows(), target));
    }

    /** Every revision, from base, in the order an upgrade runs them. */
    public static List<String> all(Project project) {
        return ids(new Planner(project.graph()).upgrade(List.of(), "heads"));
    }

    /** {@code FROM:TO} (the revisions an upgrade from FROM to TO runs; {@code base} or nothing for FROM), or one revision. */
    public static List<String> range(Project project, String range) {
        int colon = range.indexOf(':');
        if (colon < 0) return List.of(project.graph().resolve(range.trim()).id());
        String from = range.substring(0, colon).trim();
        List<String> start = from.isEmpty() || from.equals("base") ? List.of()
                : Arrays.stream(from.split(",")).map(s -> project.graph().resolve(s.trim()).id()).toList();
        String to = range.substring(colon + 1).trim();
        return ids(new Planner(project.graph()).upgrade(start, to.isEmpty() ? "heads" : to));
    }

    private static List<String> ids(List<Step> steps) { return steps.stream().map(s -> s.revision().id()).toList(); }

    /** Lints the revisions (ids, in order) for the dialect, and the graph (RT402). */
    public static LintReport run(Project project, Dialect dialect, List<String> revisions) {
        Map<Rule, Severity> severities = severities(project.config().lint());
        List<RevisionSource> sources = revisions.stream().map(project::source).toList();
        List<LoadedRevision> loaded = project.loader().loadAll(sources);
        List<Finding> findings = new ArrayList<>();
        for (LoadedRevision revision : loaded) {
            RevisionSource source = revision.source();
            String file = MigrationRunner.scriptPath(project, source.file());
            Suppressions comments = null;
            List<Finding> own = new ArrayList<>();
            for (RevisionRules.Hit hit : RevisionRules.check(revision.upgrade(), dialect, new FixSource(source.language()))) {
                Severity severity = severities.get(hit.rule());
                if (severity == null || revision.isAssured(hit.operation())) continue;
                int line = revision.lineOf(hit.operation());
                if (comments == null) comments = Suppressions.of(source.file());
                if (comments.silences(hit.rule(), line)) continue;
                own.add(new Finding(hit.rule(), severity, source.revision().id(), file, line,
                        hit.what() + "; " + hit.rule().why() + "; fix: " + hit.fix()));
            }
            own.sort(Comparator.comparingInt(Finding::line));
            findings.addAll(own);
        }
        Severity heads = severities.get(Rule.RT402);
        if (heads != null) findings.addAll(headFindings(project, heads));
        return new LintReport(revisions, findings);
    }

    /** RT402: one finding per head when there are several, at the line of each head's revision header. */
    private static List<Finding> headFindings(Project project, Severity severity) {
        List<String> heads = project.graph().heads();
        if (heads.size() < 2) return List.of();
        List<Finding> out = new ArrayList<>();
        for (String head : heads) {
            RevisionSource source = project.source(head);
            out.add(new Finding(Rule.RT402, severity, head, MigrationRunner.scriptPath(project, source.file()), headerLine(source),
                    "revision " + head + " is one of " + heads.size() + " heads (" + String.join(", ", heads) + "); " + Rule.RT402.why()
                            + "; fix: retort merge heads -m \"merge\""));
        }
        return out;
    }

    /** The line that declares the revision's id, for pointing at it; 1 when it cannot be found. */
    private static int headerLine(RevisionSource source) {
        try {
            List<String> lines = Files.readAllLines(source.file(), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++)
                if (lines.get(i).contains("revision") && lines.get(i).contains(source.revision().id())) return i + 1;
        } catch (IOException e) {
            // The graph was read from this file a moment ago; pointing at its first line is still useful.
        }
        return 1;
    }

    /** Each rule's severity after {@code lint.RTnnn} overrides; absent when a rule is off. A code no rule has is an error. */
    static Map<Rule, Severity> severities(LintSettings settings) {
        Map<Rule, Severity> out = new java.util.EnumMap<>(Rule.class);
        for (Rule r : Rule.values()) out.put(r, r.defaultSeverity());
        settings.levels().forEach((code, level) -> {
            Rule rule = Rule.byCode(code).orElseThrow(() -> new ConfigException(settings.origins().get(code) + ": lint." + code
                    + " names no lint rule; the rules are " + Arrays.stream(Rule.values()).map(Rule::code).collect(Collectors.joining(", "))));
            switch (level) {
                case OFF -> out.remove(rule);
                case ERROR -> out.put(rule, Severity.ERROR);
                case WARNING -> out.put(rule, Severity.WARNING);
                case INFO -> out.put(rule, Severity.INFO);
            }
        });
        return out;
    }
}
