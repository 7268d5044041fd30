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
    /** A revision written for {@code mysql} applies on MariaDB too, as Alembic's dialect names do; {@code mariadb} alone does not reach MySQL. */
    @Override public boolean answersTo(String dialectName) {
        return super.answersTo(dialectName) || "mysql".equalsIgnoreCase(dialectName);
    }

    @Override public String urlPrefix() { return "jdbc:mariadb:"; }
    @Override public Capabilities capabilities() { return CAPABILITIES; }
    @Override protected String dropCheckClause() { return "DROP CONSTRAINT"; }
}
