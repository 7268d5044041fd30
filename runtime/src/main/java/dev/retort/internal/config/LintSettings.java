package dev.retort.internal.config;

import java.util.Map;

/**
 * How {@code retort lint} and {@code upgrade} treat the lint rules ({@code retort.ini}, DESIGN §15): {@code mode} is the
 * {@code lint} key ({@code error}: upgrade lints the pending revisions first and refuses on an error finding;
 * {@code warning}: it prints the findings and runs), {@code levels} the {@code lint.RT104 = …} overrides by rule code, and
 * {@code origins} where each override was set, so a code no rule has can be reported at its line.
 */
public record LintSettings(Mode mode, Map<String, Level> levels, Map<String, String> origins) {
    public enum Mode { OFF, WARNING, ERROR }

    /** A rule's severity as configured; {@code OFF} drops its findings. */
    public enum Level { ERROR, WARNING, INFO, OFF }

    public static final LintSettings DEFAULTS = new LintSettings(Mode.OFF, Map.of(), Map.of());

    public LintSettings { levels = Map.copyOf(levels); origins = Map.copyOf(origins); }
}
