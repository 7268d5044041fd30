package dev.retort.dsl.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tables of one schema, as a model declares them or as a database holds them, in declaration order. */
public record SchemaModel(List<TableModel> tables) {
    public SchemaModel {
        tables = List.copyOf(tables);
        Set<String> seen = new HashSet<>();
        for (TableModel t : tables)
            if (!seen.add(TableModel.key(t.name())))
                throw new IllegalArgumentException("table '" + t.name() + "' is declared twice");
    }

    public Optional<TableModel> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
