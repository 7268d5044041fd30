package dev.retort.internal.database.postgresql;

import dev.retort.internal.database.*;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.schema.TableConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PostgreSQL: the driver reports internal type names ({@code int4}, {@code timestamptz}); checks come from pg_constraint. */
public final class PostgresReflector extends SchemaReflector {
    public PostgresReflector(Dialect dialect) { super(dialect); }

    @Override protected Set<String> lengthTypes() { return Set.of("varchar", "bpchar", "character varying", "character", "char"); }

    @Override protected Map<String, String> typeAliases() {
        return Map.ofEntries(Map.entry("int4", "integer"), Map.entry("int", "integer"), Map.entry("serial", "integer"),
                Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"), Map.entry("int2", "smallint"),
                Map.entry("smallserial", "smallint"), Map.entry("varchar", "character varying"), Map.entry("bpchar", "character"),
                Map.entry("char", "character"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
                Map.entry("float4", "real"), Map.entry("timestamptz", "timestamp with time zone"),
                Map.entry("timestamp without time zone", "timestamp"), Map.entry("timetz", "time with time zone"),
                Map.entry("time without time zone", "time"), Map.entry("decimal", "numeric"));
    }

    @Override protected List<TableConstraint.Check> checks(Connection c, String catalog, String schema, String table) throws SQLException {
        List<TableConstraint.Check> out = new ArrayList<>();
        String sql = "SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con "
                + "JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace "
                + "WHERE con.contype = 'c' AND ns.nspname = ? AND rel.relname = ? ORDER BY con.conname";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    // <table>_<column>_check is the name PostgreSQL gives a check declared without one.
                    if (!name.matches(java.util.regex.Pattern.quote(table) + "_.*_check\\d*"))
                        out.add(new TableConstraint.Check(name, rs.getString(2).replaceFirst("^CHECK \\((.*)\\)$", "$1")));
                }
            }
        }
        return out;
    }
}
