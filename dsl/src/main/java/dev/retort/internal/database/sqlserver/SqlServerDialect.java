package dev.retort.internal.database.sqlserver;

import dev.retort.dsl.dialect.*;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SQL Server 2016 and later. {@code ADD} without {@code COLUMN}, renames through {@code sp_rename}, comments as
 * {@code MS_Description} extended properties, and {@code ALTER COLUMN}, which restates type and nullability (so it
 * needs {@code existingType}/{@code existingNullable} when it changes only one of them). A column default is a named
 * constraint whose name the database chose, so dropping it (or the column) first looks the name up in
 * {@code sys.default_constraints} in a T-SQL batch. Offline scripts end each statement with {@code GO}.
 */
public final class SqlServerDialect extends StandardDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlInTransaction("BEGIN TRANSACTION")
            .withPartialIndexes(true).withIfExists(true)
            .withMaxIdentifierLength(128); // sysname

    public SqlServerDialect() {
        // T-SQL reserved keywords beyond the common set: learn.microsoft.com/sql/t-sql/language-elements/reserved-keywords-transact-sql
        super(Set.of("add", "backup", "begin", "break", "browse", "bulk", "cascade", "checkpoint", "close", "clustered",
                "coalesce", "commit", "compute", "contains", "containstable", "continue", "convert", "cursor", "database",
                "dbcc", "deallocate", "declare", "deny", "disk", "distributed", "double", "dump", "errlvl", "escape",
                "exec", "execute", "exit", "external", "file", "fillfactor", "freetext", "function", "goto", "holdlock",
                "identity", "identity_insert", "identitycol", "if", "kill", "lineno", "load", "merge", "national", "nocheck",
                "nonclustered", "nullif", "of", "off", "offsets", "open", "openquery", "option", "over", "percent", "pivot",
                "plan", "precision", "print", "proc", "procedure", "public", "raiserror", "read", "readtext", "reconfigure",
                "replication", "restore", "restrict", "return", "revert", "revoke", "rollback", "rowcount", "rowguidcol",
                "rule", "save", "schema", "securityaudit", "setuser", "shutdown", "statistics", "system_user", "tablesample",
                "textsize", "top", "tran", "transaction", "trigger", "truncate", "try_convert", "tsequal", "unpivot",
                "updatetext", "use", "varying", "view", "waitfor", "while", "within", "writetext"));
    }

    @Override public String name() { return "mssql"; }
    @Override public String urlPrefix() { return "jdbc:sqlserver:"; }
    @Override public Capabilities capabilities() { return CAPABILITIES; }
    @Override public String statementTerminator() { return ";\nGO"; }
    @Override public StatementSplitter statementSplitter() { return StatementSplitter.sqlServer(); }

    @Override protected String quoteAlways(String identifier) { return '[' + identifier.replace("]", "]]") + ']'; }

    /** N'…' keeps text outside the database's code page intact in NVARCHAR columns. */
    @Override protected String stringLiteral(String s) { return "N'" + s.replace("'", "''") + "'"; }

    @Override protected String booleanLiteral(boolean value) { return value ? "1" : "0"; }


    @Override protected String nativeType(ColumnType t) {
        return switch (t.kind()) {
            case INTEGER -> "INT";
            case BOOLEAN -> "BIT";
            case STRING -> t.length() == null ? "NVARCHAR(MAX)" : "NVARCHAR(" + t.length() + ")";
            case TEXT, JSON -> "NVARCHAR(MAX)";
            case DOUBLE -> "FLOAT";
            case TIMESTAMP -> "DATETIME2";
            case TIMESTAMP_TZ -> "DATETIMEOFFSET";
            case BINARY -> t.length() == null ? "VARBINARY(MAX)" : "VARBINARY(" + t.length() + ")";
            case BLOB -> "VARBINARY(MAX)";
            case UUID -> "UNIQUEIDENTIFIER";
            case ENUM -> "NVARCHAR(" + t.enumValues().stream().mapToInt(String::length).max().orElse(1) + ")";
            default -> super.nativeType(t);
        };
    }

    @Override protected String autoIncrementClause() { return "IDENTITY(1,1)"; }

    /** SQL Server spells RESTRICT as NO ACTION (its default). */
    @Override protected String referentialActions(List<String> cols, String refTable, ReferentialAction onDelete, ReferentialAction onUpdate) {
        return super.referentialActions(cols, refTable, restrictAsNoAction(onDelete), restrictAsNoAction(onUpdate));
    }

    private static ReferentialAction restrictAsNoAction(ReferentialAction action) {
        return action == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : action;
    }

    /** {@code ALTER TABLE t ADD c …}, without COLUMN: learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql */
    @Override protected String addColumnKeyword() { return "ADD"; }

    /** T-SQL strings for system procedures: the object name as sp_rename and OBJECT_ID expect it. */
    private String objectName(String schema, String tableName) { return stringLiteral(table(schema, tableName)); }

    // ---- tables -----------------------------------------------------------------------------------

    @Override protected List<String> createTable(CreateTable o) {
        if (!o.ifNotExists()) return super.createTable(o);
        List<String> out = new ArrayList<>(super.createTable(new CreateTable(o.schema(), o.name(), o.columns(), o.constraints(),
                o.indexes(), false, o.comment())));
        out.set(0, "IF OBJECT_ID(" + objectName(o.schema(), o.name()) + ", N'U') IS NULL\n" + out.get(0));
        return out;
    }

    @Override protected List<String> renameTable(RenameTable o) {
        return List.of("EXEC sp_rename " + objectName(o.schema(), o.oldName()) + ", " + stringLiteral(o.newName()));
    }

    // ---- columns ----------------------------------------------------------------------------------

    @Override protected List<String> addColumn(AddColumn o, SchemaLookup schema) {
        if (!o.ifNotExists()) return super.addColumn(o, schema);
        List<String> out = new ArrayList<>(super.addColumn(new AddColumn(o.schema(), o.table(), o.column(), false), schema));
        out.set(0, "IF COL_LENGTH(" + objectName(o.schema(), o.table()) + ", " + stringLiteral(o.column().name()) + ") IS NULL\n" + out.get(0));
        return out;
    }

    /** A column with a default cannot be dropped until its default constraint is. */
    @Override protected List<String> dropColumn(DropColumn o, SchemaLookup schema) {
        return List.of(dropDefaultConstraint(o.schema(), o.table(), o.name()),
                "ALTER TABLE " + table(o.schema(), o.table()) + " DROP COLUMN " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name()));
    }

    @Override protected List<String> alterColumn(AlterColumn o, SchemaLookup schema) {
        String t = "ALTER TABLE " + table(o.schema(), o.table());
        List<String> out = new ArrayList<>();
        if (o.type() != null || o.nullable() != null) {
            Column after = restatedColumn(o, schema, "ALTER COLUMN");
            out.add(t + " ALTER COLUMN " + quote(o.name()) + " " + typeSql(after.type()) + (after.nullable() ? " NULL" : " NOT NULL"));
        }
        if (o.defaultChanged()) {
            out.add(dropDefaultConstraint(o.schema(), o.table(), o.name()));
            if (o.newDefault() != null) out.add(t + " ADD DEFAULT " + defaultSql(o.newDefault()) + " FOR " + quote(o.name()));
        }
        if (o.commentChanged()) out.add(columnCommentStatement(o.schema(), o.table(), o.name(), o.comment()));
        if (o.newName() != null) out.addAll(renameColumn(new RenameColumn(o.schema(), o.table(), o.name(), o.newName())));
        return out;
    }

    @Override protected List<String> renameColumn(RenameColumn o) {
        return List.of("EXEC sp_rename " + stringLiteral(table(o.schema(), o.table()) + "." + quote(o.oldName())) + ", "
                + stringLiteral(o.newName()) + ", N'COLUMN'");
    }

    /** Finds the name SQL Server gave the column's default constraint and drops it, if there is one. */
    private String dropDefaultConstraint(String schema, String tableName, String column) {
        return "DECLARE @retort_default sysname;\n"
                + "SELECT @retort_default = dc.name FROM sys.default_constraints dc\n"
                + "    JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id\n"
                + "    WHERE dc.parent_object_id = OBJECT_ID(" + objectName(schema, tableName) + ") AND c.name = " + stringLiteral(column) + ";\n"
                + "IF @retort_default IS NOT NULL\n"
                + "    EXEC(N'ALTER TABLE " + table(schema, tableName).replace("'", "''") + " DROP CONSTRAINT ' + QUOTENAME(@retort_default))";
    }

    // ---- indexes ----------------------------------------------------------------------------------

    @Override protected List<String> createIndex(CreateIndex o) {
        String create = super.createIndex(o.asDeclared()).get(0);
        return List.of(!o.ifNotExists() ? create : "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = " + stringLiteral(o.name())
                + " AND object_id = OBJECT_ID(" + objectName(o.schema(), o.table()) + "))\n" + create);
    }

    @Override protected List<String> dropIndex(DropIndex o) {
        if (o.table() == null)
            throw new RenderException(o.describe() + ": SQL Server names indexes per table, so dropIndex needs table: 'the_table'");
        return List.of("DROP INDEX " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name()) + " ON " + table(o.schema(), o.table()));
    }

    // ---- comments: the MS_Description extended property -------------------------------------------

    @Override protected List<String> tableComment(TableComment o) {
        return List.of(description(o.schema(), o.table(), null, o.comment()));
    }

    @Override protected String columnCommentStatement(String schema, String tableName, String column, String comment) {
        return description(schema, tableName, column, comment);
    }

    /** Drops the MS_Description property if present, then adds the new one unless the comment is null. */
    private String description(String schema, String tableName, String column, String comment) {
        String level = "N'SCHEMA', @retort_schema, N'TABLE', " + stringLiteral(tableName)
                + (column == null ? "" : ", N'COLUMN', " + stringLiteral(column));
        String sql = "DECLARE @retort_schema sysname = " + (schema == null ? "SCHEMA_NAME()" : stringLiteral(schema)) + ";\n"
                + "IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE major_id = OBJECT_ID(" + objectName(schema, tableName) + ")\n"
                + "    AND minor_id = " + (column == null ? "0" : "COLUMNPROPERTY(major_id, " + stringLiteral(column) + ", 'ColumnId')")
                + " AND name = N'MS_Description')\n"
                + "    EXEC sp_dropextendedproperty N'MS_Description', " + level;
        if (comment != null) sql += ";\nEXEC sp_addextendedproperty N'MS_Description', " + stringLiteral(comment) + ", " + level;
        return sql;
    }
}
