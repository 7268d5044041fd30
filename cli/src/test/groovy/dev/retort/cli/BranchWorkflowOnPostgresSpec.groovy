package dev.retort.cli

import dev.retort.testing.TestDatabases
import spock.lang.Requires

/** The branch workflow on PostgreSQL, in a database of its own. */
@Requires({ TestDatabases.hasPostgres() && TestDatabases.hasDialect('postgresql') })
class BranchWorkflowOnPostgresSpec extends BranchWorkflowSpec {
    private String url

    String databaseUrl() { url ?: (url = TestDatabases.freshPostgres('retort_i5_branches')) }
    String databaseUser() { 'postgres' }
}
