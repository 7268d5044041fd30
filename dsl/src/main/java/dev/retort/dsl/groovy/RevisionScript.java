package dev.retort.dsl.groovy;

import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.SqlFileSource;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.List;

/**
 * The base class of every Groovy revision script. Running the script only records its header and its
 * blocks; the blocks run later, when the runtime asks for the upgrade or downgrade operations.
 */
public abstract class RevisionScript extends Script {
    private Closure<?> upgradeBlock;
    private Closure<?> downgradeBlock;
    private SqlFileSource sqlFiles = SqlFileSource.NONE;

    // The header is read from the source text without compiling (see the runtime's header reader);
    // these calls exist so the script compiles and an IDE completes them.
    public void revision(String id) {}
    public void revises(String... parents) {}
    public void message(String text) {}
    public void branchLabels(String... labels) {}
    public void dependsOn(String... revisions) {}
    public void adopts(String... versions) {}
    /** A squash's header: the revisions it stands for, oldest first. */
    public void replaces(String... revisions) {}

    /** Set by the runtime before the blocks are recorded: where this revision's {@code sqlFile} paths are read. */
    public void readSqlFilesWith(SqlFileSource source) { this.sqlFiles = source; }

    public void upgrade(@DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        if (upgradeBlock != null) throw new IllegalStateException("upgrade { } is declared twice");
        upgradeBlock = block;
    }

    public void downgrade(@DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        if (downgradeBlock != null) throw new IllegalStateException("downgrade { } is declared twice");
        downgradeBlock = block;
    }

    public boolean hasDowngrade() { return downgradeBlock != null; }

    /** The upgrade block run into a fresh builder, which holds its operations and the line of each. */
    public MigrationBuilder recordUpgrade() {
        return upgradeBlock == null ? new MigrationBuilder(sqlFiles) : MigrationBuilder.runBlock(upgradeBlock, new MigrationBuilder(sqlFiles));
    }

    /** The downgrade block run into a fresh builder; empty when there is none. */
    public MigrationBuilder recordDowngrade() {
        return downgradeBlock == null ? new MigrationBuilder(sqlFiles) : MigrationBuilder.runBlock(downgradeBlock, new MigrationBuilder(sqlFiles));
    }

    /** The operations of the upgrade block, recorded afresh on each call. */
    public List<Operation> upgradeOperations() {
        return upgradeBlock == null ? List.of() : MigrationBuilder.runBlock(upgradeBlock, new MigrationBuilder(sqlFiles)).operations();
    }

    /** The operations of the downgrade block; empty when there is none (the runtime then derives it). */
    public List<Operation> downgradeOperations() {
        return downgradeBlock == null ? List.of() : MigrationBuilder.runBlock(downgradeBlock, new MigrationBuilder(sqlFiles)).operations();
    }
}
