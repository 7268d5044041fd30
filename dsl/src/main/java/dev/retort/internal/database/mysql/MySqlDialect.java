package dev.retort.internal.database.mysql;

import dev.retort.dsl.dialect.*;

/**
 * MySQL 8. URLs {@code jdbc:mysql:} are served by the MariaDB driver already on the classpath (the runtime adds
 * its {@code permitMysqlScheme} option), so no second, GPL-licensed driver is needed. No transactional DDL.
 */
public final class MySqlDialect extends MySqlFamilyDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlCommitsItself("START TRANSACTION")
            // dev.mysql.com/doc/refman/8.0/en/identifier-length.html; an ENUM change other than appending copies the table
            .withEnumChangeCopiesTable(true).withMaxIdentifierLength(64);

    @Override public String name() { return "mysql"; }
    @Override public String urlPrefix() { return "jdbc:mysql:"; }
    @Override public Capabilities capabilities() { return CAPABILITIES; }
    @Override protected String dropCheckClause() { return "DROP CHECK"; }
}
