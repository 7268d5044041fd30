package dev.retort.api;

import java.time.Instant;

/**
 * An applied revision whose script {@code validate} found unchanged since it ran.
 *
 * @param script    the script's path as the CLI shows it
 * @param appliedAt when the recorded run finished
 */
public record ScriptCheck(String revision, String script, Instant appliedAt) {}
