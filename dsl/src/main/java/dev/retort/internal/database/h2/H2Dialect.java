package dev.retort.internal.database.h2;

import dev.retort.dsl.dialect.*;

import dev.retort.dsl.type.ColumnType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** H2 2.x, the embedded default. Close to the standard; it has native ENUM, UUID and JSON types. */
public final class H2Dialect extends StandardDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlInTransaction("BEGIN").withIfExists(true)
            .withMaxIdentifierLength(256); // h2database.com/html/commands.html#set_max_identifier_length (default)

    public H2Dialect() {
        // H2 2.x keywords beyond the common set (h2database.com/html/advanced.html#keywords).
        super(Set.of("day", "hour", "minute", "month", "second", "year", "value", "row", "rownum", "qualify",
                "regexp", "top", "minus", "_rowid_", "array", "if", "interval", "localtime", "localtimestamp"));
    }

    @Override public String name() { return "h2"; }
    @Override public boolean handlesUrl(String jdbcUrl) { return jdbcUrl.startsWith("jdbc:h2:"); }
    @Override public Capabilities capabilities() { return CAPABILITIES; }

    @Override public String typeSql(ColumnType t) {
        return switch (t.kind()) {
            case TEXT -> "CLOB";
            case BINARY -> t.length() == null ? "VARBINARY" : "VARBINARY(" + t.length() + ")";
            default -> super.typeSql(t);
        };
    }

    @Override protected String enumType(List<String> values) {
        return "ENUM(" + values.stream().map(this::stringLiteral).collect(Collectors.joining(", ")) + ")";
    }

    @Override protected String enumCheck(dev.retort.dsl.schema.Column c) { return null; }
}
