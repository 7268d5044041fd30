package dev.retort.internal.database.mysql;

import dev.retort.dsl.dialect.*;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What MySQL and MariaDB share: backtick quoting, {@code AUTO_INCREMENT}, native {@code ENUM}, inline comments,
 * index names scoped to their table, and {@code MODIFY}/{@code CHANGE COLUMN}, which restate the whole column: the
 * parts an {@code alterColumn} does not change come from the live table (information_schema) online, or from the
 * operation's {@code existing*} options offline. A default the operation does not mention and that cannot be read
 * is not restated (MySQL then drops it), as in Alembic.
 */
public abstract class MySqlFamilyDialect extends StandardDialect {

    // MySQL 8 reserved words beyond the common set: dev.mysql.com/doc/refman/8.0/en/keywords.html
    private static final Set<String> RESERVED = Set.of("accessible", "add", "analyze", "asensitive", "before", "bigint",
            "binary", "blob", "both", "call", "cascade", "change", "char", "character", "condition", "continue",
            "convert", "cursor", "database", "databases", "day_hour", "day_minute", "day_second", "dec", "decimal",
            "declare", "delayed", "describe", "deterministic", "distinctrow", "div", "double", "dual", "each",
            "elseif", "enclosed", "escaped", "exit", "explain", "float", "force", "fulltext", "generated", "groups",
            "high_priority", "hour_minute", "hour_second", "if", "ignore", "infile", "inout", "int", "integer",
            "interval", "iterate", "keys", "kill", "lateral", "leading", "leave", "lines", "load", "localtime",
            "localtimestamp", "lock", "long", "longblob", "longtext", "loop", "low_priority", "match", "mediumint",
            "mediumtext", "minute_second", "mod", "modifies", "numeric", "optimize", "option", "optionally",
            "out", "outfile", "over", "partition", "precision", "procedure", "purge", "range", "rank", "read", "reads",
            "real", "regexp", "release", "rename", "repeat", "replace", "require", "resignal", "restrict", "return",
            "revoke", "rlike", "row", "rows", "schema", "schemas", "second_microsecond", "sensitive", "separator",
            "show", "signal", "smallint", "spatial", "specific", "sql", "sqlexception", "sqlstate", "sqlwarning",
            "ssl", "starting", "stored", "straight_join", "terminated", "tinyint", "trailing", "trigger", "undo",
            "unlock", "unsigned", "usage", "use", "utc_date", "utc_time", "utc_timestamp", "varbinary", "varchar",
            "varying", "virtual", "while", "window", "write", "xor", "year_month", "zerofill");

    protected MySqlFamilyDialect() { super(RESERVED); }

    @Override public StatementSplitter statementSplitter() { return StatementSplitter.mysql(); }

    /**
     * A statement that the mysql client would cut at one of its own semicolons (a procedure or trigger body from an
     * SQL file) is written between {@code DELIMITER //} lines, as one writes it by hand.
     */
    @Override public String scriptStatement(String sql) {
        if (StatementSplitter.mysql().split(sql + ";").size() <= 1) return super.scriptStatement(sql);
        return "DELIMITER //\n" + sql + "\n//\nDELIMITER ;";
    }

    @Override protected String quoteAlways(String identifier) { return '`' + identifier.replace("`", "``") + '`'; }

    /** A backslash escapes in MySQL string literals unless NO_BACKSLASH_ESCAPES is set, so it is doubled. */
    @Override protected String stringLiteral(String s) { return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"; }

    @Override protected String nativeType(ColumnType t) {
        return switch (t.kind()) {
            case INTEGER -> "INT";
            case STRING -> "VARCHAR(" + (t.length() == null ? 255 : t.length()) + ")";
            case NUMERIC -> super.nativeType(t).replace("NUMERIC", "DECIMAL");
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP -> "DATETIME";
            case TIMESTAMP_TZ -> "TIMESTAMP";
            case BINARY -> "VARBINARY(" + (t.length() == null ? 255 : t.length()) + ")";
            case BLOB -> "LONGBLOB";
            case UUID -> "CHAR(36)";
            default -> super.nativeType(t);
        };
    }

    @Override protected String enumType(List<String> values) {
        return "ENUM(" + values.stream().map(this::stringLiteral).collect(Collectors.joining(", ")) + ")";
    }

    @Override protected String enumCheck(Column c) { return null; }

    @Override protected String autoIncrementClause() { return "AUTO_INCREMENT"; }

    @Override protected boolean columnCommentsInline() { return true; }

    @Override protected String createTableSuffix(CreateTable o) { return o.comment() == null ? "" : " COMMENT=" + stringLiteral(o.comment()); }

    @Override protected List<String> createTableComments(CreateTable o) { return List.of(); }

    @Override protected List<String> tableComment(TableComment o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " COMMENT = " + stringLiteral(o.comment() == null ? "" : o.comment()));
    }

    /** MySQL's order of column attributes: type, nullability, default, AUTO_INCREMENT, COMMENT. */
    @Override protected String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(typeSql(c.type()));
        if (!c.nullable()) sb.append(" NOT NULL");
        if (c.defaultValue() != null) sb.append(" DEFAULT ").append(defaultSql(c.defaultValue()));
        if (c.autoIncrement()) sb.append(" AUTO_INCREMENT");
        if (c.comment() != null) sb.append(" COMMENT ").append(stringLiteral(c.comment()));
        return sb.toString();
    }

    // ---- columns ----------------------------------------------------------------------------------

    @Override protected List<String> addColumn(AddColumn o, SchemaLookup schema) {
        if (o.ifNotExists()) requireIfExists("addColumn '" + o.table() + "." + o.column().name() + "'", "ifNotExists");
        return super.addColumn(o, schema);
    }

    @Override protected List<String> dropColumn(DropColumn o, SchemaLookup schema) {
        if (o.ifExists()) requireIfExists(o.describe(), "ifExists");
        return super.dropColumn(o, schema);
    }

    @Override protected List<String> alterColumn(AlterColumn o, SchemaLookup schema) {
        String t = "ALTER TABLE " + table(o.schema(), o.table());
        boolean restates = o.type() != null || o.nullable() != null || o.commentChanged();
        List<String> out = new ArrayList<>();
        if (!restates) {
            // Defaults and names change without restating the column.
            if (o.defaultChanged()) out.add(t + " ALTER COLUMN " + quote(o.name())
                    + (o.newDefault() == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultSql(o.newDefault())));
            if (o.newName() != null) out.addAll(renameColumn(new RenameColumn(o.schema(), o.table(), o.name(), o.newName())));
            return out;
        }
        Column after = restatedColumn(o, schema, o.newName() == null ? "MODIFY COLUMN" : "CHANGE COLUMN");
        out.add(t + (o.newName() == null ? " MODIFY COLUMN " : " CHANGE COLUMN " + quote(o.name()) + " ") + columnDefinition(after));
        return out;
    }

    // ---- indexes and constraints ------------------------------------------------------------------

    @Override protected List<String> createIndex(CreateIndex o) {
        if (o.ifNotExists()) requireIfExists(o.describe(), "ifNotExists");
        return super.createIndex(o);
    }

    @Override protected List<String> dropIndex(DropIndex o) {
        if (o.table() == null)
            throw new RenderException(o.describe() + ": " + name() + " names indexes per table, so dropIndex needs table: 'the_table'");
        if (o.ifExists()) requireIfExists(o.describe(), "ifExists");
        return List.of("DROP INDEX " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name()) + " ON " + table(o.schema(), o.table()));
    }

    /**
     * Neither has {@code DROP … IF EXISTS} for every kind of constraint, so {@code ifExists} asks the catalog (the live
     * one online, the script's tables offline) whether one of that name is there.
     */
    @Override protected List<String> dropNamedConstraint(DropConstraint drop, SchemaLookup schema) {
        DropConstraint o = drop;
        if (drop.ifExists()) {
            List<NamedConstraint> known = schema.constraints(drop.schema(), drop.table()).orElseThrow(() -> new RenderException(drop.describe()
                    + ": ifExists asks " + name() + "'s catalog whether the constraint is there, and table '" + drop.table() + "' is not known here"
                    + " (offline only tables created earlier in the script are). Run it online, or drop ifExists."));
            boolean present = drop.type() == ConstraintType.PRIMARY ? known.stream().anyMatch(c -> c.type() == ConstraintType.PRIMARY)
                    : known.stream().anyMatch(c -> drop.name().equalsIgnoreCase(c.name()));
            if (!present) return List.of();
            o = drop.withIfExists(false);
        }
        if (o.type() == null)
            throw new RenderException(o.describe() + ": " + name() + " drops each kind of constraint differently, so dropConstraint "
                    + "needs type: 'foreignKey', 'unique', 'check' or 'primary'");
        String t = "ALTER TABLE " + table(o.schema(), o.table());
        return List.of(switch (o.type()) {
            case FOREIGN_KEY -> t + " DROP FOREIGN KEY " + quote(o.name());
            case UNIQUE -> t + " DROP INDEX " + quote(o.name());
            case PRIMARY -> t + " DROP PRIMARY KEY";
            case CHECK -> t + " " + dropCheckClause() + " " + quote(o.name());
        });
    }

    /** MySQL writes {@code DROP CHECK}; MariaDB only knows {@code DROP CONSTRAINT}. */
    protected abstract String dropCheckClause();

    private void requireIfExists(String what, String option) {
        if (!capabilities().ifExists())
            throw new RenderException(what + ": " + name() + " has no IF [NOT] EXISTS here; remove " + option
                    + " or use execute with a guarded statement");
    }

}
