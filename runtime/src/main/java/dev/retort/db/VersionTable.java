package dev.retort.db;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.type.Types;
import dev.retort.graph.Step;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The table that holds one row per applied head, with Alembic's semantics. Its DDL is rendered through the
 * dialect like any other table; its changes are the difference between a step's heads before and after.
 */
public final class VersionTable {
    private final Dialect dialect;
    private final String name;

    public VersionTable(Dialect dialect, String name) { this.dialect = dialect; this.name = name; }

    public List<String> createStatements() {
        Column versionNum = new Column("version_num", Types.string(64), false, true, false, false, null, null, null);
        return dialect.render(new CreateTable(null, name, List.of(versionNum), List.of(), List.of(), false, null));
    }

    public boolean exists(Connection c) throws SQLException { return Tables.exists(c, name); }

    public void ensureExists(Connection c) throws SQLException {
        if (exists(c)) return;
        try (Statement s = c.createStatement()) {
            for (String sql : createStatements()) s.execute(sql);
        }
    }

    /** The heads recorded in the table, or none when the table does not exist yet. */
    public List<String> heads(Connection c) throws SQLException {
        if (!exists(c)) return List.of();
        List<String> heads = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM " + dialect.quote(name))) {
            while (rs.next()) heads.add(rs.getString(1));
        }
        return heads;
    }

    /** The statements that move the table from a step's heads before to its heads after. */
    public List<String> changeStatements(Step step) {
        List<String> removed = step.removedHeads();
        List<String> added = step.addedHeads();
        List<String> out = new ArrayList<>();
        String table = dialect.quote(name);
        if (removed.size() >= 1 && added.size() == 1) {
            out.add("UPDATE " + table + " SET version_num=" + dialect.literal(added.get(0)) + " WHERE version_num = " + dialect.literal(removed.get(0)));
            for (String r : removed.subList(1, removed.size())) out.add(delete(table, r));
            return out;
        }
        for (String r : removed) out.add(delete(table, r));
        for (String a : added) out.add("INSERT INTO " + table + " (version_num) VALUES (" + dialect.literal(a) + ")");
        return out;
    }

    /** Replaces all rows with the given heads (stamp). */
    public List<String> replaceStatements(List<String> current, List<String> heads) {
        List<String> out = new ArrayList<>();
        String table = dialect.quote(name);
        for (String r : current) if (!heads.contains(r)) out.add(delete(table, r));
        for (String a : heads) if (!current.contains(a)) out.add("INSERT INTO " + table + " (version_num) VALUES (" + dialect.literal(a) + ")");
        return out;
    }

    private String delete(String table, String rev) {
        return "DELETE FROM " + table + " WHERE version_num = " + dialect.literal(rev);
    }

    public String name() { return name; }
}
