package dev.retort.api;

/** One revision that an upgrade or downgrade ran, with Alembic's step line. */
public record StepResult(String revision, boolean upgrade, String line) {}
