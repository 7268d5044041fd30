package dev.retort.testing

import dev.retort.testing.SchemaSnapshot.Column
import dev.retort.testing.SchemaSnapshot.ForeignKey
import dev.retort.testing.SchemaSnapshot.Index
import dev.retort.testing.SchemaSnapshot.Table
import groovy.transform.PackageScope
import java.sql.Connection
import java.sql.DatabaseMetaData
import java.sql.ResultSet

/**
 * Reads one {@link SchemaSnapshot}: JDBC metadata for what every driver reports, and each database's catalog for what
 * JDBC has no call for (unique constraints, check constraints) or SQLite's driver reports loosely (foreign keys).
 */
@PackageScope
final class SchemaReader {
    private final Connection c
    private final DatabaseMetaData md
    private final String catalog
    private final String schema
    private final String kind
    private final boolean upperCaseCatalog

    SchemaReader(Connection c) {
        this.c = c
        this.md = c.metaData
        this.catalog = c.catalog
        String current = null
        try { current = c.schema } catch (Exception ignored) { /* drivers without schemas */ }
        this.schema = current
        this.kind = md.URL.split(':')[1]
        this.upperCaseCatalog = md.storesUpperCaseIdentifiers()
    }

    SchemaSnapshot read() {
        List<String> names = []
        md.getTables(catalog, schema, '%', ['TABLE'] as String[]).withCloseable { rs ->
            while (rs.next()) names << rs.getString('TABLE_NAME')
        }
        Map<String, List<List<String>>> uniques = constraintRows(uniqueQuery())
        Map<String, List<List<String>>> checks = constraintRows(checkQuery())
        Map<String, Table> tables = [:]
        for (String name : names.findAll { !it.toLowerCase().startsWith('sqlite_') }) {
            Map<String, List<String>> uniqueColumns = [:]
            uniques[name]?.each { constraint, column -> uniqueColumns.computeIfAbsent(fold(constraint)) { [] } << fold(column) }
            Map<String, String> checkClauses = [:]
            checks[name]?.each { constraint, clause -> checkClauses[fold(constraint)] = clause }
            tables[fold(name)] = new Table(columns: columns(name), primaryKey: primaryKey(name), foreignKeys: foreignKeys(name),
                    uniqueConstraints: uniqueColumns, indexes: indexes(name), checks: checkClauses)
        }
        SchemaSnapshot.of(tables)
    }

    /** H2 stores unquoted names in upper case; fold those back so that its snapshot compares with the others. */
    private String fold(String name) {
        name != null && upperCaseCatalog && name == name.toUpperCase() ? name.toLowerCase() : name
    }

    private Map<String, Column> columns(String table) {
        Map<String, Column> out = [:]
        md.getColumns(catalog, schema, table, '%').withCloseable { rs ->
            while (rs.next()) out[fold(rs.getString('COLUMN_NAME'))] = new Column(type: rs.getString('TYPE_NAME').toLowerCase(),
                    size: rs.getInt('COLUMN_SIZE'), digits: rs.getInt('DECIMAL_DIGITS'),
                    nullable: rs.getInt('NULLABLE') == DatabaseMetaData.columnNullable, defaultSql: rs.getString('COLUMN_DEF'),
                    autoIncrement: rs.getString('IS_AUTOINCREMENT') == 'YES')
        }
        out
    }

    private List<String> primaryKey(String table) {
        Map<Integer, String> bySequence = new TreeMap<>()
        md.getPrimaryKeys(catalog, schema, table).withCloseable { rs ->
            while (rs.next()) bySequence[rs.getInt('KEY_SEQ')] = fold(rs.getString('COLUMN_NAME'))
        }
        bySequence.values().toList()
    }

    private List<ForeignKey> foreignKeys(String table) {
        // SQLite's driver names unnamed keys '' and lists several keys to one table interleaved; its PRAGMA numbers them.
        List<Map> rows = kind == 'sqlite'
                ? query("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('${table.replace("'", "''")}')")
                .collect { [key: it[0], seq: it[1] as int, name: null, refTable: it[2], column: it[3], refColumn: it[4], onUpdate: it[5], onDelete: it[6]] }
                : metadataForeignKeys(table)
        rows.groupBy { it.key }.values().collect { List<Map> key ->
            key.sort { it.seq }
            new ForeignKey(name: key[0].name, columns: key*.column.collect { fold(it) }, refTable: fold(key[0].refTable),
                    refColumns: key*.refColumn.collect { fold(it) }, onDelete: key[0].onDelete, onUpdate: key[0].onUpdate)
        }.sort { [it.columns.join(','), it.refTable, it.name ?: ''].join('|') }
    }

    private List<Map> metadataForeignKeys(String table) {
        List<Map> out = []
        md.getImportedKeys(catalog, schema, table).withCloseable { rs ->
            while (rs.next()) out << [key: rs.getString('FK_NAME'), seq: rs.getInt('KEY_SEQ'), name: fold(rs.getString('FK_NAME')),
                                      refTable: rs.getString('PKTABLE_NAME'), column: rs.getString('FKCOLUMN_NAME'),
                                      refColumn: rs.getString('PKCOLUMN_NAME'),
                                      onUpdate: rule(rs.getInt('UPDATE_RULE')), onDelete: rule(rs.getInt('DELETE_RULE'))]
        }
        out
    }

    private Map<String, Index> indexes(String table) {
        Map<String, Map> found = [:]
        md.getIndexInfo(catalog, schema, table, false, false).withCloseable { rs ->
            while (rs.next()) {
                String name = rs.getString('INDEX_NAME')
                if (name == null || rs.getString('COLUMN_NAME') == null) continue
                def entry = found.computeIfAbsent(fold(name)) { [unique: !rs.getBoolean('NON_UNIQUE'), columns: new TreeMap<Integer, String>()] }
                entry.columns[rs.getInt('ORDINAL_POSITION')] = fold(rs.getString('COLUMN_NAME'))
            }
        }
        found.collectEntries { name, e -> [name, new Index(unique: e.unique, columns: e.columns.values().toList())] }
    }

    /**
     * The rows [constraint, column or clause] of a query over unique or check constraints in the current schema,
     * by table name as the catalog spells it; none when the database has no such catalog ({@code sql} null).
     */
    private Map<String, List<List<String>>> constraintRows(String sql) {
        if (sql == null) return [:]
        query(sql).groupBy { it[0] }.collectEntries { t, rows -> [t, rows.collect { [it[1], it[2]] }] }
    }

    private String uniqueQuery() {
        switch (kind) {
            case 'sqlite':
                return "SELECT m.name, il.name, ii.name FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii " +
                        "WHERE m.type = 'table' AND il.origin = 'u' ORDER BY m.name, il.name, ii.seqno"
            default:
                return 'SELECT tc.table_name, tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc ' +
                        'JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema ' +
                        'AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name ' +
                        "WHERE tc.constraint_type = 'UNIQUE' AND tc.table_schema = ${currentSchema()} " +
                        'ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position'
        }
    }

    private String checkQuery() {
        switch (kind) {
            case 'postgresql':
                // information_schema lists NOT NULL as checks too; pg_constraint holds only the declared ones.
                return "SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid) FROM pg_constraint co " +
                        "JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace " +
                        "WHERE co.contype = 'c' AND n.nspname = current_schema() ORDER BY 1, 2"
            case 'mariadb':
            case 'mysql':
                return 'SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints ' +
                        'WHERE constraint_schema = DATABASE() ORDER BY 1, 2'
            case 'h2':
                return 'SELECT tc.table_name, tc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc ' +
                        'JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema ' +
                        "AND cc.constraint_name = tc.constraint_name WHERE tc.constraint_type = 'CHECK' " +
                        'AND tc.table_schema = CURRENT_SCHEMA ORDER BY 1, 2'
            default:
                return null // SQLite keeps checks only inside its CREATE TABLE text
        }
    }

    private String currentSchema() {
        switch (kind) {
            case 'postgresql': return 'current_schema()'
            case 'h2': return 'CURRENT_SCHEMA'
            default: return 'DATABASE()'
        }
    }

    /** JDBC's key rule codes as the words the DDL uses. */
    private static String rule(int code) {
        switch (code) {
            case DatabaseMetaData.importedKeyCascade: return 'CASCADE'
            case DatabaseMetaData.importedKeySetNull: return 'SET NULL'
            case DatabaseMetaData.importedKeySetDefault: return 'SET DEFAULT'
            case DatabaseMetaData.importedKeyRestrict: return 'RESTRICT'
            default: return 'NO ACTION'
        }
    }

    private List<List<String>> query(String sql) {
        List<List<String>> out = []
        c.createStatement().withCloseable { s ->
            s.executeQuery(sql).withCloseable { ResultSet rs ->
                int n = rs.metaData.columnCount
                while (rs.next()) out << (1..n).collect { rs.getString(it) }
            }
        }
        out
    }
}
