package dev.retort.internal.lint;

/**
 * One lint finding: which rule, how severe (after {@code retort.ini}'s overrides), and where: the revision, its script
 * relative to the configuration's folder, and the line of the operation (that of the revision's header for RT402).
 * {@code message} is what, why and the fix in the script's own language.
 */
public record Finding(Rule rule, Severity severity, String revision, String file, int line, String message) {

    /** {@code versions/…_x.groovy:12 RT204 error: createIndex ix_a on existing table orders …}. */
    public String text() {
        return file + ":" + line + " " + rule.code() + " " + severity.label() + ": " + message;
    }
}
