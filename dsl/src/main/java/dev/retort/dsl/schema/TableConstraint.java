package dev.retort.dsl.schema;

import java.util.List;

/** A table-level constraint declared inside {@code createTable}. A null name lets the database choose one. */
public sealed interface TableConstraint extends java.io.Serializable {
    String name();

    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
        public PrimaryKey { columns = List.copyOf(columns); }
    }

    record Unique(String name, List<String> columns) implements TableConstraint {
        public Unique { columns = List.copyOf(columns); }
    }

    record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns,
                      String onDelete, String onUpdate) implements TableConstraint {
        public ForeignKey { columns = List.copyOf(columns); refColumns = List.copyOf(refColumns); }
    }

    record Check(String name, String sql) implements TableConstraint {}
}
