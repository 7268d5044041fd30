package dev.retort.internal.database.sqlite;

import dev.retort.internal.database.SchemaReflector;

import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.NamedConstraint;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.CreateIndex;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.TableModel;
import dev.retort.internal.database.sqlite.SqlText.Token;
import dev.retort.dsl.schema.TableConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reader of SQLite: types are the text the table was declared with, unique constraints are indexes of origin 'u'
 * ({@code PRAGMA index_list}), and there are no comments. Check constraints are not reflected for autogenerate; for a
 * rebuild, {@link #table} reads them, with every constraint's name, from the CREATE TABLE text.
 */
public final class SqliteReflector extends SchemaReflector {
    public SqliteReflector(Dialect dialect) { super(dialect); }

    @Override protected String catalog(Connection c) { return null; }
    @Override protected String schema(Connection c) { return null; }
    @Override protected boolean isSystemTable(String name) { return name.startsWith("sqlite_"); }
    @Override protected boolean supportsComments() { return false; }
    @Override public boolean reflectsChecks() { return false; }

    @Override protected Map<String, String> typeAliases() { return Map.of("int", "integer", "decimal", "numeric"); }

    @Override protected String nativeType(Connection c, String table, ColumnInfo info) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quoted(table) + ")")) {
            while (rs.next()) if (rs.getString("name").equals(info.name())) return rs.getString("type");
        }
        return info.typeName();
    }

    @Override protected List<TableConstraint.Unique> uniques(Connection c, String catalog, String schema, String table) throws SQLException {
        List<TableConstraint.Unique> out = new ArrayList<>();
        for (Map.Entry<String, String> ix : indexOrigins(c, table).entrySet()) {
            if (!ix.getValue().equals("u")) continue;
            List<String> cols = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_info(" + quoted(ix.getKey()) + ")")) {
                while (rs.next()) cols.add(rs.getString("name"));
            }
            out.add(new TableConstraint.Unique(ix.getKey().startsWith("sqlite_autoindex_") ? null : ix.getKey(), cols));
        }
        return out;
    }

    @Override protected Set<String> constraintIndexNames(Connection c, String schema, String table, TableConstraint.PrimaryKey pk,
                                                         List<TableConstraint.Unique> uniques, List<TableConstraint.ForeignKey> fks) throws SQLException {
        Set<String> names = new HashSet<>();
        indexOrigins(c, table).forEach((name, origin) -> { if (!origin.equals("c")) names.add(name); });
        return names;
    }

    /** Index name → origin: c (CREATE INDEX), u (UNIQUE constraint), pk (primary key). */
    private static Map<String, String> indexOrigins(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_list(" + quoted(table) + ")")) {
            while (rs.next()) out.put(rs.getString("name"), rs.getString("origin"));
        }
        return out;
    }

    private static String quoted(String name) { return "\"" + name.replace("\"", "\"\"") + "\""; }

    /** SQLite has no information_schema; the constraints come from the table's definition. */
    @Override public Optional<List<NamedConstraint>> constraints(CatalogQuery catalog, String schema, String table) {
        return table(catalog, schema, table).map(TableModel::namedConstraints);
    }

    // ---- one table, for rendering: what a rebuild needs to write it back ---------------------------

    private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");

    /** A constraint named or declared in the CREATE TABLE text. */
    private record Declared(String name, String kind, List<String> columns, String checkSql) {}

    /**
     * The table as a rebuild writes it back. Columns, keys, foreign keys and indexes come from the PRAGMA table
     * functions (sqlite.org/pragma.html); constraint names and CHECK expressions, which no PRAGMA reports, come from the
     * CREATE TABLE text in {@code sqlite_master}. Triggers and views on the table are not read, so a rebuild does not
     * keep triggers.
     */
    @Override public Optional<TableModel> table(CatalogQuery q, String schema, String table) {
        String master = (schema == null ? "" : "\"" + schema.replace("\"", "\"\"") + "\".") + "sqlite_master";
        List<Map<String, Object>> tableRows = q.rows("SELECT sql FROM " + master + " WHERE type = 'table' AND name = ?", table);
        if (tableRows.isEmpty()) return Optional.empty();
        String createSql = (String) tableRows.get(0).get("sql");
        List<Declared> declared = declared(createSql);

        List<Map<String, Object>> info = q.rows("SELECT name, type, \"notnull\" AS not_null, dflt_value, pk FROM pragma_table_info(?)", table);
        List<Map<String, Object>> pkRows = info.stream().filter(r -> number(r.get("pk")) > 0)
                .sorted(Comparator.comparingInt(r -> number(r.get("pk")))).toList();
        List<String> pkColumns = pkRows.stream().map(r -> (String) r.get("name")).toList();
        String pkName = nameOf(declared, "PRIMARY", null);
        // An unnamed single-column key stays on its column; a named one, or one of several columns, is a table
        // constraint, so that the rebuild declares it with its name.
        boolean keyOnColumn = pkColumns.size() == 1 && pkName == null;
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> r : info) {
            String name = (String) r.get("name");
            String type = r.get("type") == null || r.get("type").toString().isBlank() ? "BLOB" : r.get("type").toString();
            boolean singleKey = pkColumns.size() == 1 && number(r.get("pk")) > 0;
            Column c = TableModel.readColumn(name, type, number(r.get("not_null")) == 0, (String) r.get("dflt_value"),
                    singleKey && AUTOINCREMENT.matcher(createSql).find(), null);
            columns.add(singleKey && keyOnColumn ? c.withPrimaryKey(true) : c);
        }

        List<TableConstraint> constraints = new ArrayList<>();
        if (!pkColumns.isEmpty() && !keyOnColumn) constraints.add(new TableConstraint.PrimaryKey(pkName, pkColumns));

        List<CreateIndex> indexes = new ArrayList<>();
        for (Map<String, Object> ix : q.rows("SELECT name, \"unique\" AS is_unique, origin, partial FROM pragma_index_list(?) ORDER BY seq DESC", table)) {
            String ixName = (String) ix.get("name");
            String origin = (String) ix.get("origin");
            List<String> cols = new ArrayList<>();
            for (Map<String, Object> c : q.rows("SELECT seqno, cid, name FROM pragma_index_info(?) ORDER BY seqno", ixName)) {
                if (c.get("name") == null)
                    throw new RenderException("index '" + ixName + "' on '" + table + "' is on an expression, which Retort cannot "
                            + "carry through a SQLite table rebuild; drop it before this change and create it again after");
                cols.add((String) c.get("name"));
            }
            if ("u".equals(origin)) constraints.add(new TableConstraint.Unique(nameOf(declared, "UNIQUE", cols), cols));
            else if ("c".equals(origin)) {
                List<Map<String, Object>> sqlRows = q.rows("SELECT sql FROM " + master + " WHERE type = 'index' AND name = ?", ixName);
                String where = sqlRows.isEmpty() ? null : whereOf((String) sqlRows.get(0).get("sql"));
                indexes.add(CreateIndex.of(schema, ixName, table, cols).withUnique(number(ix.get("is_unique")) == 1).withWhere(where));
            }
        }

        Map<Integer, List<Map<String, Object>>> fks = new LinkedHashMap<>();
        for (Map<String, Object> r : q.rows("SELECT id, seq, \"table\" AS ref_table, \"from\" AS from_col, \"to\" AS to_col, "
                + "on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq", table))
            fks.computeIfAbsent(number(r.get("id")), k -> new ArrayList<>()).add(r);
        for (List<Map<String, Object>> fk : fks.values()) {
            String refTable = (String) fk.get(0).get("ref_table");
            List<String> from = fk.stream().map(r -> (String) r.get("from_col")).toList();
            List<String> to = fk.stream().map(r -> (String) r.get("to_col")).toList();
            if (to.contains(null)) // REFERENCES parent without columns means the parent's primary key
                to = q.rows("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", refTable).stream()
                        .map(r -> (String) r.get("name")).toList();
            constraints.add(new TableConstraint.ForeignKey(nameOf(declared, "FOREIGN", from), from, refTable, to,
                    actionOf((String) fk.get(0).get("on_delete")), actionOf((String) fk.get(0).get("on_update"))));
        }
        for (Declared d : declared) if (d.kind().equals("CHECK")) constraints.add(new TableConstraint.Check(d.name(), d.checkSql()));

        return Optional.of(new TableModel(schema, table, columns, constraints, indexes, null));
    }

    /** Named constraints and every CHECK in the CREATE TABLE text, table-level or on a column. */
    private static List<Declared> declared(String createSql) {
        List<Declared> out = new ArrayList<>();
        Token body = SqlText.tokens(createSql).stream().filter(Token::isGroup).findFirst().orElse(null);
        if (body == null) return out;
        for (List<Token> item : SqlText.items(SqlText.tokens(body.inner()))) {
            if (item.isEmpty()) continue;
            String first = item.get(0).text().toUpperCase();
            boolean tableLevel = List.of("CONSTRAINT", "CHECK", "UNIQUE", "FOREIGN", "PRIMARY").contains(first);
            // A column definition's own constraints follow its name; table constraints start the item.
            for (int i = tableLevel ? 0 : 1; i < item.size(); i++) {
                String name = null;
                if (item.get(i).is("CONSTRAINT") && i + 1 < item.size()) { name = SqlText.unquote(item.get(i + 1).text()); i += 2; }
                if (i >= item.size()) break;
                Token t = item.get(i);
                Token group = i + 1 < item.size() && item.get(i + 1).isGroup() ? item.get(i + 1) : null;
                Token keyGroup = i + 2 < item.size() && item.get(i + 2).isGroup() ? item.get(i + 2) : null;
                if (t.is("CHECK") && group != null) out.add(new Declared(name, "CHECK", List.of(), group.inner()));
                else if (!tableLevel && name != null) {
                    // A column's own named key, unique or reference: CONSTRAINT pk PRIMARY KEY, … UNIQUE, … REFERENCES t
                    List<String> column = List.of(SqlText.unquote(item.get(0).text()));
                    if (t.is("PRIMARY")) out.add(new Declared(name, "PRIMARY", column, null));
                    else if (t.is("UNIQUE")) out.add(new Declared(name, "UNIQUE", column, null));
                    else if (t.is("REFERENCES")) out.add(new Declared(name, "FOREIGN", column, null));
                }
                else if (tableLevel && name != null && t.is("UNIQUE") && group != null) out.add(new Declared(name, "UNIQUE", SqlText.columnNames(group), null));
                else if (tableLevel && name != null && t.is("FOREIGN") && keyGroup != null) out.add(new Declared(name, "FOREIGN", SqlText.columnNames(keyGroup), null));
                else if (tableLevel && name != null && t.is("PRIMARY") && keyGroup != null) out.add(new Declared(name, "PRIMARY", SqlText.columnNames(keyGroup), null));
                if (tableLevel) break;
            }
        }
        return out;
    }

    private static String nameOf(List<Declared> declared, String kind, List<String> columns) {
        return declared.stream().filter(d -> d.kind().equals(kind) && (columns == null || sameNames(d.columns(), columns)))
                .map(Declared::name).findFirst().orElse(null);
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).equalsIgnoreCase(b.get(i))) return false;
        return true;
    }

    /** The text after a CREATE INDEX statement's top-level WHERE, or null. */
    private static String whereOf(String indexSql) {
        if (indexSql == null) return null;
        for (Token t : SqlText.tokens(indexSql)) if (t.is("WHERE")) return indexSql.substring(t.end()).strip();
        return null;
    }

    private static String actionOf(String a) { return a == null || a.equalsIgnoreCase("NO ACTION") ? null : a; }

    private static int number(Object o) { return o == null ? 0 : ((Number) o).intValue(); }
}
