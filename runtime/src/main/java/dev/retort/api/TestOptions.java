package dev.retort.api;

import java.util.List;

/**
 * What {@link Retort#test(TestOptions)} runs and where: {@code only} names checks ({@code single-head}, {@code upgrade},
 * {@code stairway}, {@code no-trace}, {@code model}, {@code data}; empty for all that apply); {@code scratch} makes the
 * throw-away databases on the project's own server (as {@code --scratch}); {@code scratchUrl} (with its user and
 * password) names another server instead of {@code test_url}. With neither, the databases are in-memory H2.
 */
public record TestOptions(List<String> only, boolean scratch, String scratchUrl, String scratchUser, String scratchPassword) {
    public TestOptions { only = List.copyOf(only); }

    /** Every check that applies, on in-memory H2 unless {@code test_url} says otherwise. */
    public static TestOptions defaults() { return new TestOptions(List.of(), false, null, null, null); }

    /** Only these checks. */
    public TestOptions only(String... checks) { return new TestOptions(List.of(checks), scratch, scratchUrl, scratchUser, scratchPassword); }

    /** Throw-away databases on the project's own server ({@code url} of retort.ini), as {@code retort test --scratch}. */
    public TestOptions onProjectServer() { return new TestOptions(only, true, scratchUrl, scratchUser, scratchPassword); }

    /** Throw-away databases on this server (a JDBC URL whose database the user can connect to and create databases from). */
    public TestOptions scratchServer(String url, String user, String password) { return new TestOptions(only, false, url, user, password); }

    /** Never shows the password. */
    @Override public String toString() {
        return "TestOptions[only=" + only + ", scratch=" + scratch + ", scratchUrl=" + scratchUrl + ", scratchUser=" + scratchUser + "]";
    }
}
