package dev.retort.dsl.schema;

import dev.retort.dsl.type.ColumnType;
import java.util.Objects;

/** A column definition as declared in a revision or a model, independent of any database. */
public record Column(String name, ColumnType type, boolean nullable, boolean primaryKey, boolean autoIncrement,
                     boolean unique, ColumnDefault defaultValue, ForeignKeyRef references, String comment) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (primaryKey) nullable = false;
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, false, false, false, null, null, null);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, primaryKey, autoIncrement, unique, defaultValue, references, comment);
    }
}
