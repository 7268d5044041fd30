package dev.retort.dsl.dialect;

import dev.retort.dsl.op.CreateIndex;
import dev.retort.dsl.type.ColumnType;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL, minimal: just enough for the safety specs of issue 7 (transactions, advisory lock, CONCURRENTLY).
 * The full dialect comes from the dialects work and replaces this class.
 */
public final class PostgresDialect extends StandardDialect {
    private static final Capabilities CAPABILITIES = new Capabilities(true, "BEGIN", true, true);

    public PostgresDialect() { super(Set.of("user", "analyse", "analyze", "limit", "offset", "returning")); }

    @Override public String name() { return "postgresql"; }
    @Override public boolean handlesUrl(String jdbcUrl) { return jdbcUrl.startsWith("jdbc:postgresql:"); }
    @Override public Capabilities capabilities() { return CAPABILITIES; }
    @Override public LockMechanism lockMechanism() { return LockMechanism.ADVISORY_LOCK; }

    @Override public String typeSql(ColumnType t) {
        return switch (t.kind()) {
            case BINARY, BLOB -> "BYTEA";
            default -> super.typeSql(t);
        };
    }

    @Override protected List<String> createIndex(CreateIndex o) {
        if (!o.concurrently()) return super.createIndex(o);
        // CONCURRENTLY cannot run in a transaction block: put the operation in autocommit { }.
        return super.createIndex(o).stream().map(sql -> sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ")).toList();
    }
}
