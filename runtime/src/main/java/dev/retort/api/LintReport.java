package dev.retort.api;

import java.util.List;

/** What {@link Retort#lint()} found in the revisions it checked (ids, oldest first); passed when no finding is an error. */
public record LintReport(List<String> revisions, List<LintFinding> findings) {
    public LintReport { revisions = List.copyOf(revisions); findings = List.copyOf(findings); }

    public boolean passed() { return findings.stream().noneMatch(LintFinding::isError); }

    public List<LintFinding> errors() { return findings.stream().filter(LintFinding::isError).toList(); }

    /** One line per finding, as {@code retort lint} prints them. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (LintFinding f : findings) sb.append(f.text()).append('\n');
        return sb.toString();
    }

    static LintReport of(dev.retort.internal.lint.LintReport internal) {
        return new LintReport(internal.revisions(), internal.findings().stream().map(f -> new LintFinding(f.rule().code(),
                f.severity().label(), f.revision(), f.file(), f.line(), f.message())).toList());
    }
}
