package dev.retort.dsl.schema;

import java.util.Objects;

/** An inline {@code references: 'table.col'} on a column, with its referential actions. */
public record ForeignKeyRef(String table, String column, String onDelete, String onUpdate) implements java.io.Serializable {
    public ForeignKeyRef { Objects.requireNonNull(table, "table"); Objects.requireNonNull(column, "column"); }

    /** Parses {@code table.col} (or {@code schema.table.col}: the last dot splits column from table). */
    public static ForeignKeyRef parse(String ref, String onDelete, String onUpdate) {
        int dot = ref.lastIndexOf('.');
        if (dot <= 0 || dot == ref.length() - 1)
            throw new IllegalArgumentException("references must be 'table.column', was '" + ref + "'");
        return new ForeignKeyRef(ref.substring(0, dot), ref.substring(dot + 1), onDelete, onUpdate);
    }
}
