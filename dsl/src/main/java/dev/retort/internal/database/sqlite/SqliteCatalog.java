package dev.retort.internal.database.sqlite;

import dev.retort.dsl.dialect.*;

import dev.retort.internal.database.sqlite.SqlText.Token;
import dev.retort.dsl.op.CreateIndex;
import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.TableConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a SQLite table's definition for a rebuild. Columns, keys, foreign keys and indexes come from the PRAGMA
 * table functions (sqlite.org/pragma.html); constraint names and CHECK expressions, which no PRAGMA reports, come
 * from the CREATE TABLE text in {@code sqlite_master}. Triggers and views on the table are not read, so a rebuild
 * does not keep triggers.
 */
final class SqliteCatalog {
    private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");

    private SqliteCatalog() {}

    /** A constraint named or declared in the CREATE TABLE text. */
    private record Declared(String name, String kind, List<String> columns, String checkSql) {}

    static Optional<ExistingTable> read(CatalogQuery q, String schema, String table) {
        String master = (schema == null ? "" : "\"" + schema.replace("\"", "\"\"") + "\".") + "sqlite_master";
        List<Map<String, Object>> tableRows = q.rows("SELECT sql FROM " + master + " WHERE type = 'table' AND name = ?", table);
        if (tableRows.isEmpty()) return Optional.empty();
        String createSql = (String) tableRows.get(0).get("sql");
        List<Declared> declared = declared(createSql);

        List<Map<String, Object>> info = q.rows("SELECT name, type, \"notnull\" AS not_null, dflt_value, pk FROM pragma_table_info(?)", table);
        List<Map<String, Object>> pkRows = info.stream().filter(r -> number(r.get("pk")) > 0)
                .sorted(Comparator.comparingInt(r -> number(r.get("pk")))).toList();
        boolean singlePk = pkRows.size() == 1;
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> r : info) {
            String name = (String) r.get("name");
            String type = r.get("type") == null || r.get("type").toString().isBlank() ? "BLOB" : r.get("type").toString();
            boolean pk = singlePk && number(r.get("pk")) > 0;
            Column c = ExistingTable.column(name, type, number(r.get("not_null")) == 0, (String) r.get("dflt_value"),
                    pk && AUTOINCREMENT.matcher(createSql).find(), null);
            columns.add(pk ? c.withPrimaryKey(true) : c);
        }

        List<TableConstraint> constraints = new ArrayList<>();
        if (pkRows.size() > 1)
            constraints.add(new TableConstraint.PrimaryKey(nameOf(declared, "PRIMARY", null),
                    pkRows.stream().map(r -> (String) r.get("name")).toList()));

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
                    action((String) fk.get(0).get("on_delete")), action((String) fk.get(0).get("on_update"))));
        }
        for (Declared d : declared) if (d.kind().equals("CHECK")) constraints.add(new TableConstraint.Check(d.name(), d.checkSql()));

        return Optional.of(new ExistingTable(new CreateTable(schema, table, columns, constraints, List.of(), false, null), indexes));
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

    private static String action(String a) { return a == null || a.equalsIgnoreCase("NO ACTION") ? null : a; }

    private static int number(Object o) { return o == null ? 0 : ((Number) o).intValue(); }
}
