package dev.retort.internal.database.oracle;

import dev.retort.dsl.dialect.*;

import dev.retort.dsl.op.*;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Oracle 12c and later. Columns change with {@code MODIFY (…)}, numbers are {@code NUMBER}, booleans {@code NUMBER(1)}.
 * Oracle before 23ai has no {@code IF [NOT] EXISTS}, so those options become a PL/SQL block that runs the statement and
 * ignores only the error code meaning "already there" or "not there"; offline scripts end such a block with {@code /}
 * as SQL*Plus and SQLcl expect. No transactional DDL.
 */
public final class OracleDialect extends StandardDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlCommitsItself("SET TRANSACTION READ WRITE")
            .withMaxIdentifierLength(128); // 12.2 and later: docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/Database-Object-Names-and-Qualifiers.html

    // ORA- codes ignored by the IF [NOT] EXISTS emulation.
    private static final int NO_SUCH_TABLE = -942, NAME_IN_USE = -955, NO_SUCH_INDEX = -1418, NO_SUCH_CONSTRAINT = -2443, NO_SUCH_COLUMN = -904,
            COLUMN_EXISTS = -1430;

    public OracleDialect() {
        // Oracle reserved words beyond the common set: docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/Oracle-SQL-Reserved-Words.html
        super(Set.of("access", "add", "audit", "char", "cluster", "comment", "compress", "connect", "date", "decimal", "exclusive",
                "file", "float", "identified", "immediate", "increment", "initial", "integer", "level", "lock", "long",
                "maxextents", "minus", "mlslabel", "mode", "modify", "noaudit", "nocompress", "nowait", "number", "offline",
                "online", "option", "pctfree", "prior", "privileges", "public", "raw", "rename", "resource", "row", "rowid",
                "rownum", "rows", "share", "size", "smallint", "start", "successful", "synonym", "sysdate", "trigger", "uid",
                "validate", "varchar", "varchar2", "view", "whenever"));
    }

    @Override public String name() { return "oracle"; }
    @Override public String urlPrefix() { return "jdbc:oracle:"; }
    @Override public Capabilities capabilities() { return CAPABILITIES; }

    @Override public StatementSplitter statementSplitter() { return StatementSplitter.oracle(); }

    @Override public String scriptStatement(String sql) {
        return StatementSplitter.isPlsqlBlock(sql) ? sql + "\n/" : sql + ";";
    }

    @Override protected String nativeType(ColumnType t) {
        return switch (t.kind()) {
            case INTEGER -> "NUMBER(10)";
            case BIGINT -> "NUMBER(19)";
            case SMALLINT -> "NUMBER(5)";
            case BOOLEAN -> "NUMBER(1)";
            case STRING -> "VARCHAR2(" + (t.length() == null ? 4000 : t.length()) + " CHAR)";
            case TEXT, JSON -> "CLOB";
            case NUMERIC -> t.precision() == null ? "NUMBER" : "NUMBER(" + t.precision() + (t.scale() == null ? "" : ", " + t.scale()) + ")";
            case FLOAT -> "BINARY_FLOAT";
            case DOUBLE -> "BINARY_DOUBLE";
            case TIME -> "DATE"; // Oracle has no time-of-day type; DATE carries one
            case BINARY -> "RAW(" + (t.length() == null ? 2000 : t.length()) + ")";
            case UUID -> "VARCHAR2(36 CHAR)";
            case ENUM -> "VARCHAR2(" + t.enumValues().stream().mapToInt(String::length).max().orElse(1) + " CHAR)";
            default -> super.nativeType(t);
        };
    }

    @Override protected String booleanLiteral(boolean value) { return value ? "1" : "0"; }

    // ---- IF [NOT] EXISTS as PL/SQL ----------------------------------------------------------------

    /** Runs one statement, ignoring one ORA- error code (the one meaning "already there" or "not there"). */
    private String ignoring(String statement, int sqlCode) {
        return "BEGIN\n    EXECUTE IMMEDIATE " + stringLiteral(statement) + ";\nEXCEPTION\n    WHEN OTHERS THEN\n        IF SQLCODE != "
                + sqlCode + " THEN RAISE; END IF;\nEND;";
    }

    @Override protected List<String> createTable(CreateTable o) {
        if (!o.ifNotExists()) return super.createTable(o);
        List<String> out = new ArrayList<>(super.createTable(new CreateTable(o.schema(), o.name(), o.columns(), o.constraints(),
                o.indexes(), false, o.comment())));
        out.set(0, ignoring(out.get(0), NAME_IN_USE));
        return out;
    }

    @Override protected List<String> dropTable(DropTable o) {
        String drop = "DROP TABLE " + table(o.schema(), o.name());
        return List.of(o.ifExists() ? ignoring(drop, NO_SUCH_TABLE) : drop);
    }

    @Override protected List<String> addColumn(AddColumn o, SchemaLookup schema) {
        if (!o.ifNotExists()) return super.addColumn(o, schema);
        List<String> out = new ArrayList<>(super.addColumn(new AddColumn(o.schema(), o.table(), o.column(), false), schema));
        out.set(0, ignoring(out.get(0), COLUMN_EXISTS));
        return out;
    }

    @Override protected List<String> dropColumn(DropColumn o, SchemaLookup schema) {
        String drop = "ALTER TABLE " + table(o.schema(), o.table()) + " DROP COLUMN " + quote(o.name());
        return List.of(o.ifExists() ? ignoring(drop, NO_SUCH_COLUMN) : drop);
    }

    @Override protected List<String> createIndex(CreateIndex o) {
        String create = super.createIndex(o.asDeclared()).get(0);
        return List.of(o.ifNotExists() ? ignoring(create, NAME_IN_USE) : create);
    }

    /** No {@code DROP CONSTRAINT IF EXISTS}: the drop runs in a block that ignores ORA-02443 (no such constraint). */
    @Override protected List<String> dropNamedConstraint(DropConstraint o, SchemaLookup schema) {
        String drop = "ALTER TABLE " + table(o.schema(), o.table()) + " DROP CONSTRAINT " + quote(o.name());
        return List.of(o.ifExists() ? ignoring(drop, NO_SUCH_CONSTRAINT) : drop);
    }

    @Override protected List<String> dropIndex(DropIndex o) {
        String drop = "DROP INDEX " + table(o.schema(), o.name());
        return List.of(o.ifExists() ? ignoring(drop, NO_SUCH_INDEX) : drop);
    }

    // ---- columns ----------------------------------------------------------------------------------

    /** {@code MODIFY} states only what changes; each change is its own statement so that each can fail alone. */
    @Override protected List<String> alterColumn(AlterColumn o, SchemaLookup schema) {
        String t = "ALTER TABLE " + table(o.schema(), o.table()) + " MODIFY (" + quote(o.name()) + " ";
        List<String> out = new ArrayList<>();
        if (o.type() != null) out.add(t + typeSql(o.type()) + ")");
        if (o.defaultChanged()) out.add(t + "DEFAULT " + (o.newDefault() == null ? "NULL" : defaultSql(o.newDefault())) + ")");
        if (o.nullable() != null) out.add(t + (o.nullable() ? "NULL" : "NOT NULL") + ")");
        if (o.commentChanged()) out.add(columnCommentStatement(o.schema(), o.table(), o.name(), o.comment()));
        if (o.newName() != null) out.addAll(renameColumn(new RenameColumn(o.schema(), o.table(), o.name(), o.newName())));
        return out;
    }

    /** {@code ALTER TABLE t ADD (c …)}, without COLUMN: docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/ALTER-TABLE.html */
    @Override protected String addColumnKeyword() { return "ADD"; }

    /** Oracle knows ON DELETE CASCADE and SET NULL only; its default behaviour is NO ACTION, and it has no ON UPDATE. */
    @Override protected String referentialActions(List<String> cols, String refTable, ReferentialAction onDelete, ReferentialAction onUpdate) {
        if (onUpdate != null && onUpdate != ReferentialAction.NO_ACTION)
            throw new RenderException("foreign key on " + cols + " references " + refTable + " with onUpdate: '" + onUpdate.sql()
                    + "', which Oracle does not support; remove onUpdate for Oracle (onDialect) or enforce it with a trigger");
        if (onDelete == ReferentialAction.NO_ACTION || onDelete == ReferentialAction.RESTRICT) onDelete = null;
        if (onDelete != null && onDelete != ReferentialAction.CASCADE && onDelete != ReferentialAction.SET_NULL)
            throw new RenderException("foreign key on " + cols + ": Oracle supports onDelete CASCADE or SET NULL only, not '" + onDelete.sql() + "'");
        return super.referentialActions(cols, refTable, onDelete, null);
    }

    /** Oracle has no NULL comment; an empty one removes it. */
    @Override protected List<String> tableComment(TableComment o) {
        return List.of("COMMENT ON TABLE " + table(o.schema(), o.table()) + " IS " + stringLiteral(o.comment() == null ? "" : o.comment()));
    }

    @Override protected String columnCommentStatement(String schema, String tableName, String column, String comment) {
        return "COMMENT ON COLUMN " + table(schema, tableName) + "." + quote(column) + " IS " + stringLiteral(comment == null ? "" : comment);
    }
}
