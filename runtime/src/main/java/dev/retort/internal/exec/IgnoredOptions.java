package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.*;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The notes a run prints once when its operations ask for what the database does not have: {@code notValid: true} and
 * {@code validateConstraint} do nothing where constraints are always checked as they are added.
 */
public final class IgnoredOptions implements OperationVisitor<Void> {
    private final Dialect dialect;
    private final Set<String> notes = new LinkedHashSet<>();

    private IgnoredOptions(Dialect dialect) { this.dialect = dialect; }

    /** One note per kind of ignored option, in the order first met. */
    public static List<String> notes(Dialect dialect, List<Operation> operations) {
        IgnoredOptions reader = new IgnoredOptions(dialect);
        operations.forEach(op -> op.accept(reader));
        return List.copyOf(reader.notes);
    }

    private boolean checksOnAdd() { return !dialect.capabilities().notValidConstraints(); }

    @Override public Void visitCreateCheckConstraint(CreateCheckConstraint op) {
        if (op.notValid() && checksOnAdd()) notValid();
        return null;
    }

    @Override public Void visitCreateForeignKey(CreateForeignKey op) {
        if (op.notValid() && checksOnAdd()) notValid();
        return null;
    }

    private void notValid() {
        notes.add("notValid: true is ignored on " + dialect.name() + ", which checks a constraint's rows as it adds it");
    }

    @Override public Void visitValidateConstraint(ValidateConstraint op) {
        if (checksOnAdd()) notes.add("validateConstraint does nothing on " + dialect.name() + ": its constraints were checked when added");
        return null;
    }

    @Override public Void visitOnDialect(OnDialect op) {
        if (op.appliesTo(dialect.name())) op.operations().forEach(inner -> inner.accept(this));
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
    @Override public Void visitDropConstraint(DropConstraint op) { return null; }
    @Override public Void visitTableComment(TableComment op) { return null; }
    @Override public Void visitInsert(Insert op) { return null; }
    @Override public Void visitExecuteSql(ExecuteSql op) { return null; }
    @Override public Void visitRunWithConnection(RunWithConnection op) { return null; }
}
