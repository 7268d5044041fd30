package dev.retort.dialect

import java.sql.Connection
import java.sql.DatabaseMetaData

/**
 * A database's tables as JDBC DatabaseMetaData reports them, with names in lower case so that specs compare
 * H2's upper-case catalog with the others. Internal tables (sqlite_*) are left out.
 */
@groovy.transform.EqualsAndHashCode
@groovy.transform.ToString(includeNames = true)
final class SchemaSnapshot {
    @groovy.transform.EqualsAndHashCode
    @groovy.transform.ToString(includeNames = true)
    static final class Table {
        Map<String, Map> columns = [:]
        List<String> primaryKey = []
        Map<String, String> foreignKeys = [:]
        Map<String, Map> indexes = [:]
    }

    Map<String, Table> tables = [:]

    static SchemaSnapshot read(Connection c) {
        DatabaseMetaData md = c.metaData
        String catalog = c.catalog
        String schema = null
        try { schema = c.schema } catch (Exception ignored) { /* drivers without schemas */ }
        def snapshot = new SchemaSnapshot()
        List<String> names = []
        md.getTables(catalog, schema, '%', ['TABLE'] as String[]).withCloseable { rs ->
            while (rs.next()) names << rs.getString('TABLE_NAME')
        }
        for (String name : names.findAll { !it.toLowerCase().startsWith('sqlite_') }) {
            def t = new Table()
            md.getColumns(catalog, schema, name, '%').withCloseable { rs ->
                while (rs.next()) t.columns[rs.getString('COLUMN_NAME').toLowerCase()] = [
                        type: rs.getString('TYPE_NAME').toLowerCase(), size: rs.getInt('COLUMN_SIZE'),
                        nullable: rs.getInt('NULLABLE') == DatabaseMetaData.columnNullable, defaultSql: rs.getString('COLUMN_DEF')]
            }
            def pk = [:]
            md.getPrimaryKeys(catalog, schema, name).withCloseable { rs ->
                while (rs.next()) pk[rs.getInt('KEY_SEQ')] = rs.getString('COLUMN_NAME').toLowerCase()
            }
            t.primaryKey = pk.sort().values().toList()
            md.getImportedKeys(catalog, schema, name).withCloseable { rs ->
                while (rs.next()) t.foreignKeys[rs.getString('FKCOLUMN_NAME').toLowerCase()] =
                        rs.getString('PKTABLE_NAME').toLowerCase() + '.' + rs.getString('PKCOLUMN_NAME').toLowerCase()
            }
            md.getIndexInfo(catalog, schema, name, false, false).withCloseable { rs ->
                while (rs.next()) {
                    String ix = rs.getString('INDEX_NAME')
                    if (ix == null || rs.getString('COLUMN_NAME') == null) continue
                    def entry = t.indexes.computeIfAbsent(ix.toLowerCase()) { [unique: !rs.getBoolean('NON_UNIQUE'), columns: []] }
                    entry.columns << rs.getString('COLUMN_NAME').toLowerCase()
                }
            }
            snapshot.tables[name.toLowerCase()] = t
        }
        snapshot
    }
}
