package dev.retort.internal.config;

import java.util.List;

/**
 * The test kit's settings ({@code retort test}): where throw-away databases are made ({@code test_url}, with
 * {@code test_user}/{@code test_password}; null for an in-memory H2) and the branch labels that may each have a head
 * of their own ({@code test_labels}; empty means exactly one head).
 */
public record TestSettings(String url, String user, String password, List<String> labels) {
    public TestSettings { labels = List.copyOf(labels); }

    /** Never shows the password. */
    @Override public String toString() {
        return "TestSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + ", labels=" + labels + "]";
    }
}
