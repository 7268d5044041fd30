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

    /** A change of nothing yet; the {@code with…} copies state what changes and what the column was. */
    public static AlterColumn of(String schema, String table, String name) {
        return new AlterColumn(schema, table, name, null, null, false, null, null, false, null, null, null, null, null, null);
    }

    // Named copies: the call site says which of the fifteen fields it sets.
    public AlterColumn withType(ColumnType newType) {
        return new AlterColumn(schema, table, name, newType, nullable, defaultChanged, newDefault, newName, commentChanged, comment,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    public AlterColumn withNullable(Boolean newNullable) {
        return new AlterColumn(schema, table, name, type, newNullable, defaultChanged, newDefault, newName, commentChanged, comment,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    /** Sets the default, or drops it when {@code value} is null. */
    public AlterColumn withDefault(ColumnDefault value) {
        return new AlterColumn(schema, table, name, type, nullable, true, value, newName, commentChanged, comment,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    public AlterColumn withDefaultUnchanged() {
        return new AlterColumn(schema, table, name, type, nullable, false, null, newName, commentChanged, comment,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    public AlterColumn withNewName(String rename) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, rename, commentChanged, comment,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    /** Sets the comment, or drops it when {@code text} is null. */
    public AlterColumn withComment(String text) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, true, text,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    public AlterColumn withCommentUnchanged() {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, false, null,
                existingType, existingNullable, existingDefault, existingComment, using);
    }
    public AlterColumn withExistingType(ColumnType was) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, commentChanged, comment,
                was, existingNullable, existingDefault, existingComment, using);
    }
    public AlterColumn withExistingNullable(Boolean was) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, commentChanged, comment,
                existingType, was, existingDefault, existingComment, using);
    }
    public AlterColumn withExistingDefault(ColumnDefault was) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, commentChanged, comment,
                existingType, existingNullable, was, existingComment, using);
    }
    public AlterColumn withExistingComment(String was) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, commentChanged, comment,
                existingType, existingNullable, existingDefault, was, using);
    }
    public AlterColumn withUsing(String expression) {
        return new AlterColumn(schema, table, name, type, nullable, defaultChanged, newDefault, newName, commentChanged, comment,
                existingType, existingNullable, existingDefault, existingComment, expression);
    }

    /** The column's name after this change. */
    public String finalName() { return newName != null ? newName : name; }

    /** Undoes each stated change, from what the column was; what this one leaves alone the undo leaves alone too. */
    @Override public Optional<Operation> inverse() {
        if (type != null && existingType == null) return Optional.empty();
        if (nullable != null && existingNullable == null) return Optional.empty();
        if (defaultChanged && existingDefault == null && newDefault == null) return Optional.empty();
        AlterColumn undo = of(schema, table, finalName())
                .withType(type == null ? null : existingType)
                .withNullable(nullable == null ? null : existingNullable)
                .withNewName(newName == null ? null : name)
                .withExistingType(type != null ? type : existingType)
                .withExistingNullable(nullable != null ? nullable : existingNullable)
                .withExistingDefault(defaultChanged ? newDefault : existingDefault)
                .withExistingComment(commentChanged ? comment : existingComment);
        if (defaultChanged) undo = undo.withDefault(existingDefault);
        if (commentChanged) undo = undo.withComment(existingComment);
        return Optional.of(undo);
    }

    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitAlterColumn(this); }
    @Override public String describe() { return "alterColumn " + table + "." + name; }
}
