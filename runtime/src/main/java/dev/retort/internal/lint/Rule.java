package dev.retort.internal.lint;

import java.util.Arrays;
import java.util.Optional;

/** The lint rules of DESIGN §15: stable codes, each with its default severity and why it matters. */
public enum Rule {
    RT101(Severity.ERROR, "code of the release still running reads the table, and its data is gone for good"),
    RT102(Severity.ERROR, "the release still running selects and inserts the column (ORMs list every column), so its queries fail"),
    RT103(Severity.WARNING, "the release still running uses the old name, so its queries fail until it is replaced"),
    RT104(Severity.WARNING, "the release still running uses the old name, so its queries fail until it is replaced"),
    RT201(Severity.ERROR, "it fails on a table that has rows: there is nothing to fill the new column with"),
    RT202(Severity.WARNING, "the database scans the whole table for NULLs while it holds a lock that blocks writes"),
    RT203(Severity.ERROR, "the database rewrites the whole table and blocks reads and writes while it does"),
    RT204(Severity.ERROR, "CREATE INDEX blocks writes to the table until the whole index is built"),
    RT205(Severity.WARNING, "adding a foreign key checks every row while it blocks writes to both tables"),
    RT206(Severity.WARNING, "adding a check constraint tests every row while it blocks writes to the table"),
    RT207(Severity.WARNING, "building the constraint's unique index blocks writes to the table until it is done"),
    RT208(Severity.WARNING, "the default is evaluated for every row, so the table is rewritten under a lock that blocks reads and writes (now() is stable and does not)"),
    RT209(Severity.WARNING, "DROP INDEX waits for and then blocks every query on the table"),
    RT301(Severity.INFO, "lint reads operations, not SQL or code, so this step is not checked"),
    RT302(Severity.WARNING, "MySQL and MariaDB copy the whole table for any ENUM change other than appending values at the end"),
    RT401(Severity.ERROR, "the database rejects longer names or silently cuts them short, and a shortened name no longer matches the script"),
    RT402(Severity.ERROR, "an upgrade to head is ambiguous, and the branches may change the same tables in either order");

    private final Severity defaultSeverity;
    private final String why;

    Rule(Severity defaultSeverity, String why) {
        this.defaultSeverity = defaultSeverity;
        this.why = why;
    }

    public String code() { return name(); }
    public Severity defaultSeverity() { return defaultSeverity; }
    public String why() { return why; }

    /** The rule with that code ({@code RT104}, any case). */
    public static Optional<Rule> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(code.trim())).findFirst();
    }
}
