package dev.retort.internal.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The checks of {@code retort test}, in the order they are reported; {@link #id()} is what {@code --only} and reports use. */
public enum CheckName {
    SINGLE_HEAD("single-head"), UPGRADE("upgrade"), STAIRWAY("stairway"), NO_TRACE("no-trace"), MODEL("model"), DATA("data");

    private final String id;

    CheckName(String id) { this.id = id; }

    public String id() { return id; }

    /** The check a user named; an unknown name is an {@link IllegalArgumentException} listing the known ones. */
    public static CheckName of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "'" + name.trim() + "' is not a check of retort test; the checks are " + String.join(", ", ids())));
    }

    public static List<String> ids() { return Arrays.stream(values()).map(CheckName::id).toList(); }
}
