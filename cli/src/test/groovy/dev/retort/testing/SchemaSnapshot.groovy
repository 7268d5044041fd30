package dev.retort.testing

import groovy.transform.EqualsAndHashCode
import groovy.transform.Immutable
import groovy.transform.PackageScope
import groovy.transform.ToString
import java.sql.Connection
import java.sql.SQLException

/**
 * The schema comparison of specs: a database's tables as JDBC DatabaseMetaData reports them (columns, primary key,
 * foreign keys with their actions, indexes), plus the unique and check constraints from the database's own catalog.
 * {@link #postgres}/{@link #mariadb} add each server's catalog rows and the version rows for "exactly as before" checks.
 */
@EqualsAndHashCode
@ToString(includeNames = true)
final class SchemaSnapshot {
    /** Tables by name. Names an upper-case catalog (H2) folded are folded back to lower case, so databases compare. */
    final Map<String, Table> tables

    private SchemaSnapshot(Map<String, Table> tables) { this.tables = tables.asImmutable() }

    @Immutable
    @ToString(includeNames = true, includePackage = false)
    static final class Table {
        Map<String, Column> columns
        List<String> primaryKey
        /** Sorted by their columns, so the order the driver lists them in does not count. */
        List<ForeignKey> foreignKeys
        /** Unique constraints by name (on SQLite, its autoindex name) with their columns in order. */
        Map<String, List<String>> uniqueConstraints
        /** Every index the driver lists by name, those behind primary keys and unique constraints included. */
        Map<String, Index> indexes
        /** Check constraints by name with the clause as the catalog restates it; SQLite's catalog has none. */
        Map<String, String> checks

        /** Each foreign-key column with the table.column it references, e.g. {@code [grupo_id: 'grupos.id']}. */
        Map<String, String> references() {
            foreignKeys.collectEntries { fk -> [fk.columns, fk.refColumns].transpose().collectEntries { c, r -> [c, "${fk.refTable}.$r".toString()] } }
        }
    }

    @Immutable
    @ToString(includeNames = true, includePackage = false)
    static final class Column {
        String type
        int size
        int digits
        boolean nullable
        String defaultSql
        boolean autoIncrement
    }

    @Immutable
    @ToString(includeNames = true, includePackage = false)
    static final class ForeignKey {
        String name
        List<String> columns
        String refTable
        List<String> refColumns
        /** CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION. */
        String onDelete
        String onUpdate
    }

    @Immutable
    @ToString(includeNames = true, includePackage = false)
    static final class Index {
        boolean unique
        List<String> columns
    }

    /** Reads the current schema (PostgreSQL's search path, MariaDB's database, H2's PUBLIC, SQLite's main) of a connection. */
    static SchemaSnapshot read(Connection c) {
        new SchemaReader(c).read()
    }

    /** Reads a project's database as its user sees it. */
    static SchemaSnapshot read(TempProject p) {
        Connection c = p.connect()
        try { read(c) } finally { c.close() }
    }

    /** The tables without some (bookkeeping) ones. */
    SchemaSnapshot without(Collection<String> names) { new SchemaSnapshot(tables.findAll { !(it.key in names) }) }

    // ---- the per-server catalog maps ----------------------------------------------------------------

    /**
     * PostgreSQL's catalog rows for the public schema, the metadata snapshot and the version rows. The history table
     * is left out: it records failures on purpose.
     */
    static Map postgres(TempProject p) {
        [tables     : p.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'retort_history' ORDER BY 1"),
         columns    : p.rows("SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'retort_history' ORDER BY 1, 2"),
         indexes    : p.rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2"),
         constraints: p.rows("SELECT table_name, constraint_type, count(*) FROM information_schema.table_constraints WHERE table_schema = 'public' GROUP BY 1, 2 ORDER BY 1, 2"),
         schema     : metadata(p),
         versions   : versions(p)]
    }

    /** MariaDB's catalog rows for the connection's database, the metadata snapshot and the version rows (no history). */
    static Map mariadb(TempProject p) {
        [tables  : p.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'retort_history' ORDER BY 1"),
         columns : p.rows("SELECT table_name, column_name, column_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name <> 'retort_history' ORDER BY 1, 2"),
         indexes : p.rows("SELECT table_name, index_name, non_unique, column_name, seq_in_index FROM information_schema.statistics WHERE table_schema = DATABASE() ORDER BY 1, 2, 5"),
         schema  : metadata(p),
         versions: versions(p)]
    }

    /** The version table's rows, or {@code ['no version table']}. */
    static List versions(TempProject p) {
        try {
            return p.rows('SELECT version_num FROM retort_version ORDER BY 1')
        } catch (SQLException ignored) {
            return ['no version table']
        }
    }

    private static SchemaSnapshot metadata(TempProject p) { read(p).without(['retort_history']) }

    /** Builds a snapshot from the reader's tables; only {@link SchemaReader} makes them. */
    @PackageScope static SchemaSnapshot of(Map<String, Table> tables) { new SchemaSnapshot(new TreeMap<>(tables)) }
}
