package dev.retort.dsl.dialect;

import dev.retort.dsl.op.Operation;
import dev.retort.dsl.type.ColumnType;
import java.util.List;

/**
 * Renders operations to the SQL of one database. Implementations are found through
 * {@link java.util.ServiceLoader} (see {@link Dialects}), so a third party can add one.
 */
public interface Dialect {

    /** The name used by {@code --dialect} and {@code onDialect}: {@code h2}, {@code postgresql}, … */
    String name();

    /** True when this dialect is the one for a JDBC URL such as {@code jdbc:h2:mem:x}. */
    boolean handlesUrl(String jdbcUrl);

    /** Named facts about the database that executors and commands need to know. */
    Capabilities capabilities();

    /** The statements, without terminators, that carry out an operation on this database. */
    List<String> render(Operation operation);

    /** The identifier as the database needs it: quoted only when it is reserved, mixed-case or odd. */
    String quote(String identifier);

    /** The native type for a generic column type. */
    String typeSql(ColumnType type);

    /** A value as an SQL literal, for offline scripts and version-table statements. */
    String literal(Object value);

    /** How a migration run keeps other launchers out of this database. */
    default LockMechanism lockMechanism() { return LockMechanism.LOCK_TABLE_ROW; }

    /** What ends a statement in an offline script ({@code ;}, or {@code ;\nGO} on SQL Server). */
    default String statementTerminator() { return ";"; }
}
