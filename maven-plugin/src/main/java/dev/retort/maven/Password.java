package dev.retort.maven;

/**
 * The database password as Maven hands it to a goal. Maven's {@code -X} output lists every parameter of a goal with
 * its value; this type prints as asterisks there, so {@code -Dretort.password} never reaches a log.
 */
public final class Password {
    private String value;

    public Password() {}

    Password(String value) { this.value = value; }

    /** Maven's configurator calls this with the text of {@code <password>} or {@code -Dretort.password}. */
    public void set(String value) { this.value = value; }

    String value() { return value == null || value.isEmpty() ? null : value; }

    @Override public String toString() { return "********"; }
}
