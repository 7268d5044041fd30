package dev.retort.testing

/**
 * The user-visible state of a database for "exactly as before" comparisons: tables, columns, indexes,
 * constraints and the version rows. The history table is left out: it records failures on purpose.
 */
final class SchemaSnapshot {
    private SchemaSnapshot() {}

    static Map postgres(ProjectFixture p) {
        [tables     : p.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'retort_history' ORDER BY 1"),
         columns    : p.rows("SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'retort_history' ORDER BY 1, 2"),
         indexes    : p.rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2"),
         constraints: p.rows("SELECT table_name, constraint_type, count(*) FROM information_schema.table_constraints WHERE table_schema = 'public' GROUP BY 1, 2 ORDER BY 1, 2"),
         versions   : versions(p)]
    }

    static Map mariadb(ProjectFixture p) {
        [tables : p.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'retort_history' ORDER BY 1"),
         columns: p.rows("SELECT table_name, column_name, column_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name <> 'retort_history' ORDER BY 1, 2"),
         indexes: p.rows("SELECT table_name, index_name, non_unique, column_name, seq_in_index FROM information_schema.statistics WHERE table_schema = DATABASE() ORDER BY 1, 2, 5"),
         versions: versions(p)]
    }

    static List versions(ProjectFixture p) {
        try {
            return p.rows('SELECT version_num FROM retort_version ORDER BY 1')
        } catch (java.sql.SQLException ignored) {
            return ['no version table']
        }
    }
}
