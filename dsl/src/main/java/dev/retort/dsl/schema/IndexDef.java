package dev.retort.dsl.schema;

import java.util.List;

/** An index declared inside {@code createTable}; created right after the table. */
public record IndexDef(String name, List<String> columns, boolean unique) implements java.io.Serializable {
    public IndexDef { columns = List.copyOf(columns); }
}
