package dev.retort.internal.autogen;

import dev.retort.dsl.op.Operation;

/**
 * One way the database differs from the model: the operation that brings the database to the model, the one that
 * takes it back, and a line for people ({@code add column usuarios.email}).
 */
public record Difference(String kind, String table, String description, Operation upgrade, Operation downgrade) {}
