package dev.retort.dsl.dialect;

import dev.retort.dsl.schema.TableModel;
import java.util.List;
import java.util.Optional;

/**
 * What a dialect can learn about a table that exists before an operation runs. Some databases need the whole
 * current definition to change one part of it: MySQL's {@code MODIFY COLUMN} restates the column, SQLite rebuilds
 * the table. Online the runtime answers from the live database (through its database's reader); offline
 * {@link OfflineSchema} answers for the tables the script itself created.
 */
@FunctionalInterface
public interface SchemaLookup {
    /** Knows nothing: every table is unknown. */
    SchemaLookup NONE = (schema, table) -> Optional.empty();

    /** The table's current definition, or empty when it is not known here. */
    Optional<TableModel> table(String schema, String table);

    /**
     * The table's constraints with their names, or empty when the table is not known here: by default those of its
     * definition, which online is read from the database for the dialects that read one.
     */
    default Optional<List<NamedConstraint>> constraints(String schema, String table) {
        return table(schema, table).map(TableModel::namedConstraints);
    }
}
