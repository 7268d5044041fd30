package dev.retort.internal.adopt;

import dev.retort.internal.db.Tables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The migration tools whose databases {@code retort adopt} takes over, each with the history table it keeps and how
 * that table is read. Columns are read by label, which JDBC matches whatever their case, so a table that Flyway
 * created in lower case on H2 reads like one in upper case on another database.
 */
public enum MigrationTool {
    /** {@code alembic_version}: one row per head, nothing about failures (Alembic keeps no history). */
    ALEMBIC("alembic", "alembic_version") {
        @Override ForeignHistory read(Connection c, String table) throws SQLException {
            List<String> heads = new ArrayList<>();
            for (Map<String, String> row : rows(c, table)) heads.add(row.get("version_num"));
            List<String> problems = heads.isEmpty() ? List.of(table + " is empty: Alembic has applied nothing here (or was "
                    + "downgraded to base), so there is nothing to take over; run retort upgrade instead") : List.of();
            String summary = heads.isEmpty() ? "no version" : (heads.size() == 1 ? "version " + heads.get(0) : "heads " + String.join(", ", heads));
            return new ForeignHistory(this, table, summary, heads, heads, problems);
        }
    },

    /**
     * {@code flyway_schema_history}: one row per migration run (installed_rank, version, description, type, success).
     * The database is at the highest applied version; a row with success = false is a failed migration.
     */
    FLYWAY("flyway", "flyway_schema_history") {
        @Override ForeignHistory read(Connection c, String table) throws SQLException {
            List<Map<String, String>> rows = rows(c, table);
            rows.sort(Comparator.comparingLong(r -> Long.parseLong(r.get("installed_rank"))));
            List<String> problems = new ArrayList<>();
            List<String> applied = new ArrayList<>();
            Map<String, String> last = null;
            FlywayVersion highest = null;
            int repeatable = 0;
            for (Map<String, String> r : rows) {
                String version = r.get("version");
                String type = String.valueOf(r.get("type")).toUpperCase(Locale.ROOT);
                if (!isTrue(r.get("success"))) {
                    problems.add("migration " + (version == null ? "" : version + " ") + "'" + r.get("description") + "' (installed_rank "
                            + r.get("installed_rank") + ") failed in " + table + " (success = false): repair it with Flyway first "
                            + "(fix the database, then flyway repair), so that the schema is what that version says");
                    continue;
                }
                if (type.startsWith("UNDO"))
                    problems.add("version " + version + " was undone by Flyway (" + type + " row, installed_rank " + r.get("installed_rank")
                            + "): the current version cannot be told from " + table + "; run flyway migrate, or adopt with --at REV");
                if (type.equals("SCHEMA") || type.equals("DELETE") || type.startsWith("UNDO")) continue;
                if (version == null) { repeatable++; continue; }
                if (!FlywayVersion.isVersion(version)) continue;
                applied.add(version);
                FlywayVersion v = FlywayVersion.parse(version);
                if (highest == null || v.compareTo(highest) > 0) { highest = v; last = r; }
            }
            String summary = applied.size() + " versioned migration" + (applied.size() == 1 ? "" : "s") + " applied"
                    + (repeatable > 0 ? " (and " + repeatable + " repeatable run" + (repeatable == 1 ? "" : "s") + ")" : "")
                    + (last == null ? "" : ", last " + last.get("version") + " '" + last.get("description") + "' installed "
                    + last.get("installed_on"));
            if (highest == null && problems.isEmpty())
                problems.add(table + " records no applied versioned migration, so there is nothing to take over; run retort upgrade instead");
            return new ForeignHistory(this, table, summary, highest == null ? List.of() : List.of(highest.toString()), applied, problems);
        }
    },

    /**
     * {@code DATABASECHANGELOG}: one row per changeset run, in ORDEREXECUTED order, with EXECTYPE (EXECUTED, FAILED,
     * SKIPPED, RERAN, MARK_RAN); {@code DATABASECHANGELOGLOCK} says whether an update holds Liquibase's lock.
     */
    LIQUIBASE("liquibase", "DATABASECHANGELOG") {
        @Override ForeignHistory read(Connection c, String table) throws SQLException {
            List<Map<String, String>> rows = rows(c, table);
            rows.sort(Comparator.comparingLong((Map<String, String> r) -> Long.parseLong(r.get("orderexecuted"))));
            List<String> problems = new ArrayList<>();
            List<String> applied = new ArrayList<>();
            Map<String, String> last = null;
            for (Map<String, String> r : rows) {
                String type = String.valueOf(r.get("exectype")).toUpperCase(Locale.ROOT);
                if (type.equals("FAILED")) {
                    problems.add("changeset " + r.get("id") + " by " + r.get("author") + " (" + r.get("filename") + ") failed in "
                            + table + " (EXECTYPE = FAILED): fix it with Liquibase first, so that the schema is what the changelog says");
                } else if (!type.equals("SKIPPED")) {
                    applied.add(r.get("id"));
                    last = r;
                }
            }
            Optional<String> lockTable = Tables.find(c, "DATABASECHANGELOGLOCK");
            if (lockTable.isPresent())
                for (Map<String, String> lock : rows(c, lockTable.get()))
                    if (isTrue(lock.get("locked")))
                        problems.add("Liquibase's lock is held (" + lockTable.get() + ": locked by " + lock.get("lockedby") + " since "
                                + lock.get("lockgranted") + "): an update is running, or one was killed and its changes are unknown; "
                                + "let it finish, or check the schema and run liquibase release-locks");
            String summary = applied.size() + " changeset" + (applied.size() == 1 ? "" : "s") + " applied"
                    + (last == null ? "" : ", last " + last.get("id") + " by " + last.get("author") + " (" + last.get("filename")
                    + ") executed " + last.get("dateexecuted"));
            if (last == null && problems.isEmpty())
                problems.add(table + " records no applied changeset, so there is nothing to take over; run retort upgrade instead");
            return new ForeignHistory(this, table, summary, last == null ? List.of() : List.of(last.get("id")), applied, problems);
        }
    };

    private final String toolName;
    private final String table;

    MigrationTool(String toolName, String table) {
        this.toolName = toolName;
        this.table = table;
    }

    /** As {@code --from} and {@code adopts 'tool:…'} write it. */
    public String toolName() { return toolName; }

    /** The history table's usual name. */
    public String table() { return table; }

    /** @throws IllegalArgumentException naming the tools there are */
    public static MigrationTool byName(String name) {
        for (MigrationTool t : values()) if (t.toolName.equalsIgnoreCase(name)) return t;
        throw new IllegalArgumentException("unknown tool '" + name + "'; --from takes alembic, flyway or liquibase");
    }

    /** Reads the history table, which exists (as {@code actualTable}). */
    abstract ForeignHistory read(Connection c, String actualTable) throws SQLException;

    /** Every row of a table as column label (lower case) to text; the table name is quoted as the catalog spells it. */
    static List<Map<String, String>> rows(Connection c, String actualTable) throws SQLException {
        String quote = c.getMetaData().getIdentifierQuoteString();
        quote = quote == null || quote.isBlank() ? "" : quote.strip();
        List<Map<String, String>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote + actualTable + quote)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                out.add(row);
            }
        }
        return out;
    }

    /** Booleans as the databases return them in text: true, t, 1. */
    static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("t") || value.equals("1"));
    }
}
