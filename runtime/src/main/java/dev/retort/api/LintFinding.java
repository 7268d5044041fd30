package dev.retort.api;

/**
 * One lint finding (DESIGN §15): the rule's code ({@code RT204}), its severity ({@code error}, {@code warning} or
 * {@code info}), the revision, its script relative to the configuration's folder, the operation's line, and what is
 * wrong, why, and the fix in the script's language.
 */
public record LintFinding(String code, String severity, String revision, String file, int line, String message) {

    /** {@code versions/…_x.groovy:12 RT204 error: createIndex ix_a on existing table orders …}: what {@code retort lint} prints. */
    public String text() { return file + ":" + line + " " + code + " " + severity + ": " + message; }

    public boolean isError() { return severity.equals("error"); }
}
