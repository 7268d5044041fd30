package dev.retort.dsl.dialect;

import dev.retort.dsl.op.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Which method of a {@link StandardDialect} renders each kind of operation. A dialect changes an operation's SQL by
 * overriding that method, or one of the smaller spelling hooks it calls, and never dispatches on operations itself.
 */
final class OperationRendering implements OperationVisitor<List<String>> {
    private final StandardDialect dialect;
    private final SchemaLookup schema;

    OperationRendering(StandardDialect dialect, SchemaLookup schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    @Override public List<String> visitCreateTable(CreateTable op) {
        for (var ix : op.indexes()) if (ix.name() == null) throw unnamedIndex(op.name(), ix.columns());
        return dialect.createTable(op);
    }
    @Override public List<String> visitDropTable(DropTable op) { return dialect.dropTable(op); }
    @Override public List<String> visitRenameTable(RenameTable op) { return dialect.renameTable(op); }
    @Override public List<String> visitAddColumn(AddColumn op) { return dialect.addColumn(op, schema); }
    @Override public List<String> visitDropColumn(DropColumn op) { return dialect.dropColumn(op, schema); }
    @Override public List<String> visitAlterColumn(AlterColumn op) { return dialect.alterColumn(op, schema); }
    @Override public List<String> visitRenameColumn(RenameColumn op) { return dialect.renameColumn(op); }
    @Override public List<String> visitCreateIndex(CreateIndex op) {
        if (op.name() == null) throw unnamedIndex(op.table(), op.columns());
        return dialect.createIndex(op);
    }

    /** An index is dropped by its name, which no database derives the same way: without a convention, the revision gives it. */
    private static RenderException unnamedIndex(String table, List<String> columns) {
        return new RenderException("the index on " + table + " " + columns + " has no name; give it one, or set "
                + "naming_convention.ix in retort.ini (e.g. ix_%(table_name)s_%(column_0_N_name)s) to name every unnamed index");
    }
    @Override public List<String> visitDropIndex(DropIndex op) { return dialect.dropIndex(op); }

    @Override public List<String> visitCreateUniqueConstraint(CreateUniqueConstraint op) {
        return dialect.addTableConstraint(op.schema(), op.table(), op.constraint(), false, schema);
    }

    @Override public List<String> visitCreatePrimaryKey(CreatePrimaryKey op) {
        return dialect.addTableConstraint(op.schema(), op.table(), op.constraint(), false, schema);
    }

    @Override public List<String> visitCreateCheckConstraint(CreateCheckConstraint op) {
        return dialect.addTableConstraint(op.schema(), op.table(), op.constraint(), op.notValid(), schema);
    }

    @Override public List<String> visitCreateForeignKey(CreateForeignKey op) {
        return dialect.addTableConstraint(op.schema(), op.table(), op.constraint(), op.notValid(), schema);
    }

    @Override public List<String> visitValidateConstraint(ValidateConstraint op) { return dialect.validateConstraint(op); }

    @Override public List<String> visitDropConstraint(DropConstraint op) { return dialect.dropConstraint(op, schema); }
    @Override public List<String> visitTableComment(TableComment op) { return dialect.tableComment(op); }
    @Override public List<String> visitInsert(Insert op) { return dialect.insert(op); }

    @Override public List<String> visitExecuteSql(ExecuteSql op) {
        return op.appliesTo(dialect) ? List.of(op.sql()) : List.of();
    }

    @Override public List<String> visitSqlFile(SqlFile op) {
        try {
            return dialect.statementSplitter().split(op.text()).stream().map(StatementSplitter.Statement::sql).toList();
        } catch (RenderException e) {
            throw new RenderException(op.path() + ", " + e.getMessage());
        }
    }

    @Override public List<String> visitOnDialect(OnDialect op) { return dialect.appliesTo(op) ? block(op.operations()) : List.of(); }

    @Override public List<String> visitAutocommit(Autocommit op) { return block(op.operations()); }

    @Override public List<String> visitRunWithConnection(RunWithConnection op) {
        throw new RenderException(op.describe() + " is not SQL that can be rendered (it runs against a live connection)");
    }

    /**
     * The operations of an {@code onDialect} or {@code autocommit} block in order. Later operations may depend on
     * earlier ones (a SQLite rebuild of a table the block just created), so the block tracks its tables from what
     * {@code schema} knows onwards.
     */
    private List<String> block(List<Operation> ops) {
        OfflineSchema local = new OfflineSchema(dialect.name(), schema);
        List<String> out = new ArrayList<>();
        for (Operation inner : ops) {
            out.addAll(dialect.render(inner, local));
            local.record(inner);
        }
        return out;
    }
}
