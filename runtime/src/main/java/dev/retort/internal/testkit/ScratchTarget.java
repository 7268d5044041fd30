package dev.retort.internal.testkit;

import dev.retort.internal.config.RetortConfig;

/**
 * Where the test kit makes its throw-away databases: a JDBC URL whose server (or kind, for SQLite) hosts them, with
 * its credentials; a null URL means an in-memory H2. {@code origin} says where the URL came from, for messages.
 */
public record ScratchTarget(String url, String user, String password, String origin) {
    public static final ScratchTarget IN_MEMORY_H2 = new ScratchTarget(null, null, null, "the default");

    /**
     * {@code --scratch}: the project's own URL; else {@code test_url} with {@code test_user}/{@code test_password};
     * else an in-memory H2.
     */
    public static ScratchTarget of(RetortConfig config, boolean onProjectServer) {
        if (onProjectServer) return new ScratchTarget(config.url(), config.user(), config.password(), config.origin("url") + " (--scratch)");
        if (config.test().url() != null)
            return new ScratchTarget(config.test().url(), config.test().user(), config.test().password(), config.origin("test_url"));
        return IN_MEMORY_H2;
    }

    /** Never shows the password. */
    @Override public String toString() {
        return "ScratchTarget[url=" + (url == null ? "in-memory H2" : dev.retort.internal.db.Database.safeUrl(url)) + ", user=" + user + "]";
    }
}
