package dev.retort.dsl.dialect;

import dev.retort.dsl.op.*;

/**
 * Whether an operation asks to build or drop an index without blocking writes ({@code concurrently: true}). Only the
 * index operations can; blocks answer no, because the runner asks about their operations one by one.
 */
enum ConcurrentIndex implements OperationVisitor<Boolean> {
    ASKED;

    @Override public Boolean visitCreateIndex(CreateIndex op) { return op.concurrently(); }
    @Override public Boolean visitDropIndex(DropIndex op) { return op.concurrently(); }

    @Override public Boolean visitCreateTable(CreateTable op) { return false; }
    @Override public Boolean visitDropTable(DropTable op) { return false; }
    @Override public Boolean visitRenameTable(RenameTable op) { return false; }
    @Override public Boolean visitAddColumn(AddColumn op) { return false; }
    @Override public Boolean visitDropColumn(DropColumn op) { return false; }
    @Override public Boolean visitAlterColumn(AlterColumn op) { return false; }
    @Override public Boolean visitRenameColumn(RenameColumn op) { return false; }
    @Override public Boolean visitCreateUniqueConstraint(CreateUniqueConstraint op) { return false; }
    @Override public Boolean visitCreatePrimaryKey(CreatePrimaryKey op) { return false; }
    @Override public Boolean visitCreateCheckConstraint(CreateCheckConstraint op) { return false; }
    @Override public Boolean visitCreateForeignKey(CreateForeignKey op) { return false; }
    @Override public Boolean visitValidateConstraint(ValidateConstraint op) { return false; }
    @Override public Boolean visitDropConstraint(DropConstraint op) { return false; }
    @Override public Boolean visitTableComment(TableComment op) { return false; }
    @Override public Boolean visitInsert(Insert op) { return false; }
    @Override public Boolean visitExecuteSql(ExecuteSql op) { return false; }
    @Override public Boolean visitOnDialect(OnDialect op) { return false; }
    @Override public Boolean visitRunWithConnection(RunWithConnection op) { return false; }
    @Override public Boolean visitAutocommit(Autocommit op) { return false; }
}
