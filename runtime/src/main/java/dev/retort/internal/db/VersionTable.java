package dev.retort.internal.db;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.type.Types;
import dev.retort.internal.graph.Step;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * The heads, with one query and no catalog lookup, or empty when the table cannot be read that way (it does not
     * exist yet): then the caller takes the long way, {@link #ensureExists} and {@link #heads}. The table is named in
     * {@code schema} (the connection's current one; null where there are none), so a search path that lists another
     * schema's version table does not answer for this one.
     */
    public Optional<List<String>> headsIfReadable(Connection c, String schema) {
        List<String> heads = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM " + (schema == null ? "" : dialect.quote(schema) + ".") + dialect.quote(name))) {
            while (rs.next()) heads.add(rs.getString(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(heads);
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

    /**
     * The statements that move the table from a step's heads before to its heads after, as Alembic writes them:
     * a step is an UPDATE; a new branch (or a root) an INSERT; a merge deletes all but one of its parents' rows and
     * updates the last; an unmerge inserts all but one parent and updates the merge's row; below base a DELETE.
     */
    public List<String> changeStatements(Step step) {
        return replaceStatements(step.headsBefore(), step.headsAfter());
    }

    /** The statements that turn the rows {@code current} into {@code heads}, pairing one removal with one addition as an UPDATE. */
    public List<String> replaceStatements(List<String> current, List<String> heads) {
        List<String> removed = current.stream().filter(h -> !heads.contains(h)).distinct().toList();
        List<String> added = heads.stream().filter(h -> !current.contains(h)).distinct().toList();
        List<String> out = new ArrayList<>();
        String table = dialect.quote(name);
        if (removed.isEmpty() || added.isEmpty()) {
            for (String r : removed) out.add(delete(table, r));
            for (String a : added) out.add(insert(table, a));
            return out;
        }
        for (String r : removed.subList(0, removed.size() - 1)) out.add(delete(table, r));
        for (String a : added.subList(0, added.size() - 1)) out.add(insert(table, a));
        out.add("UPDATE " + table + " SET version_num=" + dialect.literal(added.get(added.size() - 1))
                + " WHERE version_num = " + dialect.literal(removed.get(removed.size() - 1)));
        return out;
    }

    /** Deletes every row (stamp --purge). */
    public String purgeStatement() { return "DELETE FROM " + dialect.quote(name); }

    private String insert(String table, String rev) {
        return "INSERT INTO " + table + " (version_num) VALUES (" + dialect.literal(rev) + ")";
    }

    private String delete(String table, String rev) {
        return "DELETE FROM " + table + " WHERE version_num = " + dialect.literal(rev);
    }

    public String name() { return name; }
}
