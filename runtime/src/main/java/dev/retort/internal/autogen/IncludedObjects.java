package dev.retort.internal.autogen;

import dev.retort.dsl.env.SchemaObject;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.dsl.schema.TableModel;
import dev.retort.internal.script.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaves out of a schema what the environment script's {@code includeObject} rejects (tables another tool owns, a
 * column the application manages itself), applied to the model and to the database alike, so a rejected object is
 * never reported as added or dropped. Primary keys and checks go with their table.
 */
final class IncludedObjects {
    private IncludedObjects() {}

    static SchemaModel keep(SchemaModel schema, Environment env, boolean reflected) {
        if (!env.hasObjectFilters()) return schema;
        List<TableModel> kept = new ArrayList<>();
        for (TableModel t : schema.tables()) {
            if (!env.includes(new SchemaObject(SchemaObject.TABLE, t.name(), t.name(), reflected))) continue;
            String table = t.name();
            kept.add(new TableModel(table,
                    t.columns().stream().filter(c -> env.includes(new SchemaObject(SchemaObject.COLUMN, c.name(), table, reflected))).toList(),
                    t.primaryKey(),
                    t.uniques().stream().filter(u -> env.includes(new SchemaObject(SchemaObject.UNIQUE_CONSTRAINT, u.name(), table, reflected))).toList(),
                    t.foreignKeys().stream().filter(f -> env.includes(new SchemaObject(SchemaObject.FOREIGN_KEY_CONSTRAINT, f.name(), table, reflected))).toList(),
                    t.checks(),
                    t.indexes().stream().filter(i -> env.includes(new SchemaObject(SchemaObject.INDEX, i.name(), table, reflected))).toList(),
                    t.comment()));
        }
        return new SchemaModel(kept);
    }
}
