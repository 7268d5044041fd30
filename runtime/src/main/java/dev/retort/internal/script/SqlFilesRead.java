package dev.retort.internal.script;

import dev.retort.dsl.op.*;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sqlFile} operations of a revision, in order, wherever they stand: inside {@code onDialect} blocks for any
 * database and inside {@code autocommit} blocks. The checksum covers them all, as it covers the whole script.
 */
public final class SqlFilesRead implements OperationVisitor<Void> {
    private final List<SqlFile> found = new ArrayList<>();

    private SqlFilesRead() {}

    public static List<SqlFile> in(List<Operation> operations) {
        SqlFilesRead reader = new SqlFilesRead();
        operations.forEach(op -> op.accept(reader));
        return List.copyOf(reader.found);
    }

    @Override public Void visitSqlFile(SqlFile op) {
        found.add(op);
        return null;
    }

    @Override public Void visitOnDialect(OnDialect op) {
        op.operations().forEach(inner -> inner.accept(this));
        return null;
    }

    @Override public Void visitAutocommit(Autocommit op) {
        op.operations().forEach(inner -> inner.accept(this));
        return null;
    }

    @Override public Void visitCreateTable(CreateTable op) { return null; }
    @Override public Void visitDropTable(DropTable op) { return null; }
    @Override public Void visitRenameTable(RenameTable op) { return null; }
    @Override public Void visitAddColumn(AddColumn op) { return null; }
    @Override public Void visitDropColumn(DropColumn op) { return null; }
    @Override public Void visitAlterColumn(AlterColumn op) { return null; }
    @Override public Void visitRenameColumn(RenameColumn op) { return null; }
    @Override public Void visitCreateIndex(CreateIndex op) { return null; }
    @Override public Void visitDropIndex(DropIndex op) { return null; }
    @Override public Void visitCreateUniqueConstraint(CreateUniqueConstraint op) { return null; }
    @Override public Void visitCreatePrimaryKey(CreatePrimaryKey op) { return null; }
    @Override public Void visitCreateCheckConstraint(CreateCheckConstraint op) { return null; }
    @Override public Void visitCreateForeignKey(CreateForeignKey op) { return null; }
    @Override public Void visitValidateConstraint(ValidateConstraint op) { return null; }
    @Override public Void visitDropConstraint(DropConstraint op) { return null; }
    @Override public Void visitTableComment(TableComment op) { return null; }
    @Override public Void visitInsert(Insert op) { return null; }
    @Override public Void visitExecuteSql(ExecuteSql op) { return null; }
    @Override public Void visitRunWithConnection(RunWithConnection op) { return null; }
}
