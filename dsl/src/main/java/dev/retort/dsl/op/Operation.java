package dev.retort.dsl.op;

import java.io.Serializable;

import java.util.Optional;

/**
 * One schema or data change, as data. Builders record operations, dialects render them to SQL,
 * executors run or print the SQL, and autogenerate renders them back to script source. Each of those readers is an
 * {@link OperationVisitor}, so adding an operation here fails to compile until every reader handles it. Serializable,
 * so the compile cache can keep what a script recorded and a warm run need not run the script again (an operation that
 * holds code, such as {@link RunWithConnection}, does not serialize and is recorded afresh on every run).
 */
public sealed interface Operation extends Serializable permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
        RenameColumn, CreateIndex, DropIndex, CreateUniqueConstraint, CreatePrimaryKey, CreateCheckConstraint,
        CreateForeignKey, ValidateConstraint, DropConstraint, TableComment, Insert, ExecuteSql, SqlFile, OnDialect, RunWithConnection, Autocommit {

    /**
     * The operation that undoes this one, or empty when it cannot be derived from what this one states
     * (a dropped table's definition, for example). A downgrade that would need a missing inverse fails
     * before anything runs.
     */
    Optional<Operation> inverse();

    /** A short description for messages: {@code createTable produtos}. */
    String describe();

    /** Hands this operation to the visitor's method for its kind. */
    <R> R accept(OperationVisitor<R> visitor);
}
