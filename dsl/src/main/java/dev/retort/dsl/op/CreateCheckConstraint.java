package dev.retort.dsl.op;

import dev.retort.dsl.schema.TableConstraint;
import java.util.Optional;

/** {@code notValid}: as on {@link CreateForeignKey}, the rows already there are checked later, by {@link ValidateConstraint}. */
public record CreateCheckConstraint(String schema, String name, String table, String sql, boolean notValid) implements Operation {

    /** A check that tests the existing rows as it is added. */
    public CreateCheckConstraint(String schema, String name, String table, String sql) { this(schema, name, table, sql, false); }

    public CreateCheckConstraint withNotValid(boolean newNotValid) { return new CreateCheckConstraint(schema, name, table, sql, newNotValid); }

    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.CHECK));
    }
    /** The constraint as a table declares it, for readers that treat it like one declared in createTable. */
    public TableConstraint.Check constraint() { return new TableConstraint.Check(name, sql); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateCheckConstraint(this); }
    @Override public String describe() { return "createCheckConstraint " + name; }
}
