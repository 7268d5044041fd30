package dev.retort.cli

import dev.retort.dsl.dialect.Dialects
import dev.retort.testing.TestDatabases
import spock.lang.Requires

/**
 * The branch workflow on PostgreSQL, in a database of its own. It also needs the PostgreSQL dialect, which another
 * issue adds; until it is on the class path the spec says so and is skipped.
 */
@Requires({ TestDatabases.hasPostgres() && BranchWorkflowOnPostgresSpec.hasDialect() })
class BranchWorkflowOnPostgresSpec extends BranchWorkflowSpec {
    private String url

    static boolean hasDialect() {
        boolean found = Dialects.all().any { it.name() == 'postgresql' }
        if (!found) println 'NOTICE: no postgresql dialect on the class path; BranchWorkflowOnPostgresSpec is skipped'
        found
    }

    String databaseUrl() { url ?: (url = TestDatabases.freshPostgres('retort_i5_branches')) }
    String databaseUser() { 'postgres' }
}
