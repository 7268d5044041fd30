package dev.retort.dsl.op;

/**
 * One answer per kind of operation: the compiler-checked way to read operations. Each method is abstract, so a new
 * operation record does not compile until every reader (dialects, the offline schema, step planning, autogenerate's
 * source renderers) says what it does with it. A reader that ignores an operation says so in that operation's method.
 *
 * @param <R> what the reader makes of one operation
 */
public interface OperationVisitor<R> {
    R visitCreateTable(CreateTable op);
    R visitDropTable(DropTable op);
    R visitRenameTable(RenameTable op);
    R visitAddColumn(AddColumn op);
    R visitDropColumn(DropColumn op);
    R visitAlterColumn(AlterColumn op);
    R visitRenameColumn(RenameColumn op);
    R visitCreateIndex(CreateIndex op);
    R visitDropIndex(DropIndex op);
    R visitCreateUniqueConstraint(CreateUniqueConstraint op);
    R visitCreatePrimaryKey(CreatePrimaryKey op);
    R visitCreateCheckConstraint(CreateCheckConstraint op);
    R visitCreateForeignKey(CreateForeignKey op);
    R visitValidateConstraint(ValidateConstraint op);
    R visitDropConstraint(DropConstraint op);
    R visitTableComment(TableComment op);
    R visitInsert(Insert op);
    R visitExecuteSql(ExecuteSql op);
    R visitOnDialect(OnDialect op);
    R visitRunWithConnection(RunWithConnection op);
    R visitAutocommit(Autocommit op);
}
