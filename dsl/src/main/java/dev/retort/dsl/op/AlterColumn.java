package dev.retort.dsl.op;

import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.type.ColumnType;
import java.util.Optional;

/**
 * Changes one column. Each change is optional: a null {@code type}/{@code nullable}/{@code newName} means
 * "leave as is"; defaults and comments need a flag because null there means "drop it".
 * The {@code existing*} fields describe the column before the change: MySQL needs them to restate the
 * whole column, and they make the operation reversible.
 */
public record AlterColumn(String schema, String table, String name,
                          ColumnType type, Boolean nullable,
                          boolean defaultChanged, ColumnDefault newDefault,
                          String newName,
                          boolean commentChanged, String comment,
                          ColumnType existingType, Boolean existingNullable, ColumnDefault existingDefault,
                          String existingComment, String using) implements Operation {

    /** The column's name after this change. */
    public String finalName() { return newName != null ? newName : name; }

    @Override public Optional<Operation> inverse() {
        if (type != null && existingType == null) return Optional.empty();
        if (nullable != null && existingNullable == null) return Optional.empty();
        if (defaultChanged && existingDefault == null && newDefault == null) return Optional.empty();
        return Optional.of(new AlterColumn(schema, table, finalName(),
                type == null ? null : existingType,
                nullable == null ? null : existingNullable,
                defaultChanged, defaultChanged ? existingDefault : null,
                newName == null ? null : name,
                commentChanged, commentChanged ? existingComment : null,
                type != null ? type : existingType, nullable != null ? nullable : existingNullable,
                defaultChanged ? newDefault : existingDefault, commentChanged ? comment : existingComment, null));
    }

    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitAlterColumn(this); }
    @Override public String describe() { return "alterColumn " + table + "." + name; }
}
