package dev.retort.dsl.dialect;

import dev.retort.dsl.op.DropIndex;
import dev.retort.dsl.type.ColumnType;
import java.util.List;
import java.util.Set;

/**
 * MariaDB, minimal: just enough for the safety specs of issue 7 (non-transactional DDL, GET_LOCK).
 * The full dialect comes from the dialects work and replaces this class.
 */
public final class MariaDbDialect extends StandardDialect {
    // MariaDB commits implicitly around every DDL statement (mariadb.com/kb/en/sql-statements-that-cause-an-implicit-commit).
    private static final Capabilities CAPABILITIES = new Capabilities(false, "START TRANSACTION", false, true);

    public MariaDbDialect() { super(Set.of("key", "keys", "index", "rank", "range", "read", "show", "usage")); }

    @Override public String name() { return "mariadb"; }
    @Override public boolean handlesUrl(String jdbcUrl) { return jdbcUrl.startsWith("jdbc:mariadb:"); }
    @Override public Capabilities capabilities() { return CAPABILITIES; }
    @Override public LockMechanism lockMechanism() { return LockMechanism.NAMED_LOCK; }

    @Override protected String quoteAlways(String identifier) { return '`' + identifier.replace("`", "``") + '`'; }

    @Override protected String autoIncrementClause() { return "AUTO_INCREMENT"; }

    @Override public String typeSql(ColumnType t) {
        return switch (t.kind()) {
            case TIMESTAMP -> "DATETIME(6)";
            case BINARY -> t.length() == null ? "BLOB" : "VARBINARY(" + t.length() + ")";
            case UUID -> "CHAR(36)";
            case DOUBLE -> "DOUBLE";
            case JSON -> "LONGTEXT";
            default -> super.typeSql(t);
        };
    }

    @Override protected List<String> dropIndex(DropIndex o) {
        return List.of("DROP INDEX " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name()) + " ON " + table(o.schema(), o.table()));
    }
}
