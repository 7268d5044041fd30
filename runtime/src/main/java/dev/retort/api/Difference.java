package dev.retort.api;

/** One difference {@code check} found between the model and the database: {@code kind} as in the CLI's JSON. */
public record Difference(String kind, String table, String description) {}
