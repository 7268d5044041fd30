package dev.retort.dsl.schema;

import dev.retort.dsl.type.ColumnType;
import java.util.Objects;

/** A column definition as declared in a revision or a model, independent of any database. */
public record Column(String name, ColumnType type, boolean nullable, boolean primaryKey, boolean autoIncrement,
                     boolean unique, ColumnDefault defaultValue, ForeignKeyRef references, String comment) implements java.io.Serializable {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (primaryKey) nullable = false;
    }

    /** A nullable column with nothing else stated; the {@code with…} copies add the rest. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, true, false, false, false, null, null, null);
    }

    // Named copies, so a call site says which facts it sets instead of passing nine values by position.
    public Column withName(String newName) {
        return new Column(newName, type, nullable, primaryKey, autoIncrement, unique, defaultValue, references, comment);
    }
    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, primaryKey, autoIncrement, unique, defaultValue, references, comment);
    }
    /** A primary key column stays NOT NULL whatever is asked here. */
    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, primaryKey, autoIncrement, unique, defaultValue, references, comment);
    }
    public Column withPrimaryKey(boolean newPrimaryKey) {
        return new Column(name, type, nullable, newPrimaryKey, autoIncrement, unique, defaultValue, references, comment);
    }
    public Column withAutoIncrement(boolean newAutoIncrement) {
        return new Column(name, type, nullable, primaryKey, newAutoIncrement, unique, defaultValue, references, comment);
    }
    public Column withUnique(boolean newUnique) {
        return new Column(name, type, nullable, primaryKey, autoIncrement, newUnique, defaultValue, references, comment);
    }
    public Column withDefault(ColumnDefault newDefault) {
        return new Column(name, type, nullable, primaryKey, autoIncrement, unique, newDefault, references, comment);
    }
    public Column withReferences(ForeignKeyRef newReferences) {
        return new Column(name, type, nullable, primaryKey, autoIncrement, unique, defaultValue, newReferences, comment);
    }
    public Column withComment(String newComment) {
        return new Column(name, type, nullable, primaryKey, autoIncrement, unique, defaultValue, references, newComment);
    }
}
