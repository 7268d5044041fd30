package dev.retort.dsl.env;

import java.time.Duration;

/**
 * What a finished step did, for the environment script's {@code afterEach}.
 *
 * @param statements the statements the step ran (online) or printed (offline), version-table changes not counted
 * @param elapsed    how long the step took, rendering included
 */
public record StepOutcome(int statements, Duration elapsed) {}
