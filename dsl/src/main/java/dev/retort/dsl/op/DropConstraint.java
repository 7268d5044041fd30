package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

/**
 * Drops a constraint by its name or, with {@code name} null, the foreign key or unique constraint on exactly
 * {@code columns}, whatever the database named it: the dialect finds it in the live schema online, or among the
 * script's own tables offline. {@code type} may be null where the dialect does not need it; {@code ifExists}
 * tolerates a constraint that is not there.
 */
public record DropConstraint(String schema, String name, String table, ConstraintType type, List<String> columns,
                             boolean ifExists) implements Operation {
    public DropConstraint {
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (name == null && columns.isEmpty()) throw new IllegalArgumentException("dropConstraint on '" + table + "' needs a name or columns");
        if (name == null && type != ConstraintType.FOREIGN_KEY && type != ConstraintType.UNIQUE)
            throw new IllegalArgumentException("a constraint is found by its columns only for a foreign key or a unique constraint");
    }

    public DropConstraint(String schema, String name, String table, ConstraintType type) { this(schema, name, table, type, List.of(), false); }

    /** {@code dropForeignKey('runs', ['experiment_id'])}, {@code dropUniqueConstraint('runs', ['name'])}. */
    public static DropConstraint byColumns(String schema, String table, ConstraintType type, List<String> columns, boolean ifExists) {
        return new DropConstraint(schema, null, table, type, columns, ifExists);
    }

    /** The same drop of a constraint found by its columns, now by the name the database gave it. */
    public DropConstraint named(String foundName) { return new DropConstraint(schema, foundName, table, type, List.of(), ifExists); }

    public DropConstraint withIfExists(boolean newIfExists) { return new DropConstraint(schema, name, table, type, columns, newIfExists); }

    public boolean byColumns() { return name == null; }

    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitDropConstraint(this); }
    @Override public String describe() {
        if (name != null) return "dropConstraint " + name;
        return (type == ConstraintType.FOREIGN_KEY ? "dropForeignKey " : "dropUniqueConstraint ") + table + " " + columns;
    }
}
