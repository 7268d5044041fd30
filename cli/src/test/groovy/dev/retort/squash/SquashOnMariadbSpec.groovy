package dev.retort.squash

import dev.retort.testing.TestDatabases
import spock.lang.Requires

/** The squash on MariaDB, a database of its own per project. */
@Requires({ TestDatabases.hasMariadb() && TestDatabases.hasDialect('mariadb') })
class SquashOnMariadbSpec extends SquashSpec {
    Map<String, String> database(String name) { [url: TestDatabases.freshMariadb(name), user: 'root'] }
}
