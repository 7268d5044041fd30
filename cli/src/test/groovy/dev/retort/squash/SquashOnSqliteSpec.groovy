package dev.retort.squash

/** The squash on SQLite, one file per database. */
class SquashOnSqliteSpec extends SquashSpec {
    Map<String, String> database(String name) { [url: "jdbc:sqlite:${tmp.resolve(name + '.db')}".toString()] }
}
