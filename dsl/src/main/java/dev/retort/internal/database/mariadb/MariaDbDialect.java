package dev.retort.internal.database.mariadb;

import dev.retort.dsl.dialect.*;
import dev.retort.internal.database.mysql.MySqlFamilyDialect;

/**
 * MariaDB 10.5 and later: MySQL's syntax plus {@code IF [NOT] EXISTS} on columns and indexes, and
 * {@code DROP CONSTRAINT} for CHECK constraints. No transactional DDL.
 */
public final class MariaDbDialect extends MySqlFamilyDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlCommitsItself("START TRANSACTION")
            .withIfExists(true).withEnumChangeCopiesTable(true).withMaxIdentifierLength(64);

    @Override public String name() { return "mariadb"; }
    @Override public boolean handlesUrl(String jdbcUrl) { return jdbcUrl.startsWith("jdbc:mariadb:"); }
    @Override public Capabilities capabilities() { return CAPABILITIES; }
    @Override protected String dropCheckClause() { return "DROP CONSTRAINT"; }

    /** Since 10.2.7 MariaDB gives COLUMN_DEFAULT as SQL: literals quoted, expressions as written, NULL as the word. */
    @Override protected String liveDefault(String columnDefault, String extra) {
        return columnDefault == null || columnDefault.equalsIgnoreCase("NULL") ? null : columnDefault;
    }
}
