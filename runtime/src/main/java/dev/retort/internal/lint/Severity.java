package dev.retort.internal.lint;

import java.util.Locale;

/** How much a finding matters: an error fails {@code retort lint} (exit 1) and, with {@code lint = error}, stops upgrade. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** As printed and as written in {@code retort.ini}: {@code error}, {@code warning}, {@code info}. */
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
