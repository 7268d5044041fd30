package dev.retort.internal.adopt;

import java.util.List;

/**
 * What another tool's history table says about a database.
 *
 * @param table    the table as the catalog spells it
 * @param summary  what was found, for the user: how many migrations, the last one and when
 * @param current  the versions the database is at: Flyway's highest applied version, Liquibase's last changeset id,
 *                 Alembic's heads; empty when nothing was applied
 * @param applied  every version (or changeset id) recorded as applied
 * @param problems why the database must not be taken over as it is (a failed migration, a held lock); empty when fine
 */
public record ForeignHistory(MigrationTool tool, String table, String summary, List<String> current, List<String> applied,
                             List<String> problems) {
    public ForeignHistory {
        current = List.copyOf(current);
        applied = List.copyOf(applied);
        problems = List.copyOf(problems);
    }
}
