package dev.retort.realworld

import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path

/**
 * The databases the real-world specs run on, each fresh for one feature: SQLite in a file, PostgreSQL and MariaDB as
 * databases named retort_rw_* on the test servers (the guards of {@link TestDatabases} decide whether those run).
 */
final class RealWorldDatabases {
    static final List<String> ALL = ['sqlite', 'postgresql', 'mariadb']

    private RealWorldDatabases() {}

    static boolean available(String db) {
        switch (db) {
            case 'postgresql': return TestDatabases.hasPostgres()
            case 'mariadb': return TestDatabases.hasMariadb()
            default: return true
        }
    }

    /** A project on a new, empty database of that kind; {@code name} makes the server database's name unique. */
    static TempProject project(Path dir, String db, String name) {
        switch (db) {
            case 'postgresql': return new TempProject(dir, TestDatabases.freshPostgres("retort_rw_$name"))
            case 'mariadb': return new TempProject(dir, TestDatabases.freshMariadb("retort_rw_$name"))
            case 'sqlite': return new TempProject(dir, "jdbc:sqlite:${dir.resolve('app.db')}")
            default: throw new IllegalArgumentException(db)
        }
    }

    /** The declared types of a table's columns, lower case, as the database's catalog reports them. */
    static Map<String, String> columnTypes(TempProject p, String db, String table) {
        String sql = db == 'sqlite' ? "SELECT name, type FROM pragma_table_info('$table')"
                : db == 'postgresql' ? "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '$table'"
                : "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '$table'"
        p.rows(sql).collectEntries { [(it[0].toLowerCase()): it[1].toLowerCase()] }
    }
}
