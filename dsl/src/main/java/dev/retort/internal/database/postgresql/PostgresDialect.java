package dev.retort.internal.database.postgresql;

import dev.retort.dsl.dialect.*;

import dev.retort.dsl.op.AlterColumn;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL. Close to the standard; it differs in {@code ALTER COLUMN … TYPE … USING}, {@code BYTEA}/{@code JSONB}
 * types and {@code CREATE INDEX CONCURRENTLY}, which must run outside a transaction.
 * {@code enumOf} becomes {@code VARCHAR} with a CHECK rather than {@code CREATE TYPE … AS ENUM}: a CHECK lives and
 * dies with its table, so createTable/dropTable stay exact inverses and no type objects are left behind.
 */
public final class PostgresDialect extends StandardDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlInTransaction("BEGIN")
            .withPartialIndexes(true).withIfExists(true)
            // NAMEDATALEN - 1 (postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS); a volatile
            // default is evaluated per row, so the table is rewritten (postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES)
            .withConcurrentIndexes(true).withNotValidConstraints(true).withVolatileDefaultRewrites(true).withMaxIdentifierLength(63)
            // PgJDBC sends a batch's statements and one Sync together; after an error the server skips the rest up to the
            // Sync (postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY)
            .withStatementBatches(true);

    public PostgresDialect() {
        // Reserved (non-function) key words beyond the common set: postgresql.org/docs/current/sql-keywords-appendix.html
        super(Set.of("analyse", "analyze", "array", "asymmetric", "both", "cast", "collate", "do", "leading", "localtime",
                "localtimestamp", "only", "placing", "returning", "symmetric", "trailing", "variadic", "window",
                "authorization", "binary", "collation", "concurrently", "freeze", "ilike", "isnull", "lateral", "notnull",
                "overlaps", "similar", "tablesample", "verbose", "initially", "deferrable", "current_catalog",
                "current_role", "current_schema"));
    }

    @Override public String name() { return "postgresql"; }
    @Override public StatementSplitter statementSplitter() { return StatementSplitter.postgres(); }
    @Override public String urlPrefix() { return "jdbc:postgresql:"; }
    @Override public Capabilities capabilities() { return CAPABILITIES; }

    /**
     * A launcher killed mid-statement leaves its backend running that statement, holding its locks, and the next
     * launcher would block on them without a word. From PostgreSQL 14 the server can notice the vanished client
     * while a query runs and abort it (postgresql.org/docs/current/runtime-config-connection.html).
     */
    @Override public List<String> sessionStatements(int serverMajorVersion) {
        return serverMajorVersion >= 14 ? List.of("SET client_connection_check_interval = '2s'") : List.of();
    }

    @Override protected String nativeType(ColumnType t) {
        return switch (t.kind()) {
            case BINARY, BLOB -> "BYTEA";
            case JSON -> "JSONB";
            default -> super.nativeType(t);
        };
    }

    @Override protected List<String> alterColumn(AlterColumn o, SchemaLookup schema) {
        if (o.type() == null) {
            if (o.using() != null) throw new RenderException(o.describe() + ": 'using' needs 'type'");
            return super.alterColumn(o, schema);
        }
        String t = "ALTER TABLE " + table(o.schema(), o.table()) + " ALTER COLUMN " + quote(o.name());
        List<String> out = new ArrayList<>();
        out.add(t + " TYPE " + typeSql(o.type()) + (o.using() == null ? "" : " USING " + o.using()));
        out.addAll(super.alterColumn(o.withType(null).withUsing(null), schema));
        return out;
    }
}
