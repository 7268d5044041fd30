package dev.retort.dsl.dialect;

import dev.retort.dsl.op.Insert;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.type.ColumnType;
import java.util.List;

/**
 * Renders operations to the SQL of one database. Implementations are found through
 * {@link java.util.ServiceLoader} (see {@link Dialects}), so a third party can add one.
 */
public interface Dialect {

    /** The name used by {@code --dialect} and {@code onDialect}: {@code h2}, {@code postgresql}, … */
    String name();

    /**
     * True when a revision that names a database ({@code onDialect}, {@code execute(dialect:)}, a type's {@code on})
     * means this one. A dialect answers to its own name; one that speaks another's language answers to that name too.
     */
    default boolean answersTo(String dialectName) { return name().equalsIgnoreCase(dialectName); }

    /** The start of the JDBC URLs this dialect is for ({@code jdbc:h2:}), also named in messages; null when it has none. */
    default String urlPrefix() { return null; }

    /** True when this dialect is the one for a JDBC URL such as {@code jdbc:h2:mem:x}: by default, one starting with its prefix. */
    default boolean handlesUrl(String jdbcUrl) { return urlPrefix() != null && jdbcUrl.startsWith(urlPrefix()); }

    /** Named facts about the database that executors and commands need to know. */
    Capabilities capabilities();

    /**
     * The statements, without terminators, that carry out an operation on this database. {@code schema} answers
     * for tables that exist already, where the database needs their whole definition to change a part.
     */
    List<String> render(Operation operation, SchemaLookup schema);

    /** Renders an operation that needs no knowledge of existing tables. */
    default List<String> render(Operation operation) { return render(operation, SchemaLookup.NONE); }

    /**
     * True when the operation must run outside a transaction (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}):
     * the runner commits before it, runs it on its own, and opens a new transaction after.
     */
    default boolean runsOutsideTransaction(Operation operation) { return false; }

    /** The identifier as the database needs it: quoted only when it is reserved, mixed-case or odd. */
    String quote(String identifier);

    /** The native type for a generic column type. */
    String typeSql(ColumnType type);

    /** A column default as this database writes it after {@code DEFAULT}. */
    String defaultSql(ColumnDefault value);

    /** A value as an SQL literal, for offline scripts and version-table statements. */
    String literal(Object value);

    /** The statement that inserts one row of {@code columns} with {@code ?} parameters, for batched inserts online. */
    String parameterizedInsert(Insert insert, List<String> columns);

    /** Settings for the migration's own session, given the server's major version; none by default. */
    default List<String> sessionStatements(int serverMajorVersion) { return List.of(); }

    /** What ends a statement in an offline script ({@code ;}, or {@code ;\nGO} on SQL Server). */
    default String statementTerminator() { return ";"; }

    /**
     * How an SQL file ({@code sqlFile}) is cut into statements: by the rules of this database's own client (dollar
     * quotes, {@code DELIMITER}, {@code GO}). Standard SQL's comments, strings and quoted identifiers by default.
     */
    default StatementSplitter statementSplitter() { return StatementSplitter.standard(); }

    /** One statement as an offline script writes it, terminator included (PL/SQL blocks end differently on Oracle). */
    default String scriptStatement(String sql) { return sql + statementTerminator(); }
}
