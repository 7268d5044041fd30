package dev.retort.internal.lint;

import java.util.List;

/** The findings of one lint run, in revision order (oldest first) and script line order within a revision. */
public record LintReport(List<String> revisions, List<Finding> findings) {
    public LintReport { revisions = List.copyOf(revisions); findings = List.copyOf(findings); }

    public boolean hasErrors() { return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR); }

    public List<Finding> errors() { return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList(); }
}
