package dev.retort.squash

import dev.retort.testing.TestDatabases
import spock.lang.Requires

/** The squash on PostgreSQL, a database of its own per project. */
@Requires({ TestDatabases.hasPostgres() && TestDatabases.hasDialect('postgresql') })
class SquashOnPostgresSpec extends SquashSpec {
    Map<String, String> database(String name) { [url: TestDatabases.freshPostgres(name), user: 'postgres'] }
}
