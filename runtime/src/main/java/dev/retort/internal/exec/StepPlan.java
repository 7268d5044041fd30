package dev.retort.internal.exec;

import dev.retort.internal.db.DatabaseException;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.dialect.StatementSplitter;
import dev.retort.dsl.op.*;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.LoadedRevision;
import dev.retort.internal.script.RevisionChecksum;
import dev.retort.internal.script.ScriptChecksum;
import dev.retort.internal.script.SqlFilesRead;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A step rendered before any of its statements runs: its numbered statements, the script they came from and the
 * script's checksum. The prefix digests let a rerun on a database without transactional DDL check that the
 * statements a failed run applied are still the ones the script renders.
 *
 * @param script   the script's path as shown to the user
 * @param checksum {@link ScriptChecksum} of the script file
 */
public record StepPlan(Step step, String script, String checksum, List<StepStatement> statements, List<String> prefixDigests) {
    public StepPlan {
        statements = List.copyOf(statements);
        prefixDigests = List.copyOf(prefixDigests);
    }

    /**
     * Renders a step's operations in order. {@code schema} holds the tables as the step finds them (see
     * {@link MigrationSink#schemaForNextStep()}); each operation is recorded into it once rendered, so an operation
     * that reads a table (a SQLite rebuild, a MySQL {@code MODIFY}) sees what the step's earlier operations did to it.
     * {@code onDialect} blocks are flattened, so that their inserts batch and their {@code connection { }} blocks run.
     */
    public static StepPlan render(Step step, LoadedRevision loaded, List<LoadedRevision.Located> operations, Dialect dialect,
                                  OfflineSchema schema, String script) {
        Renderer r = new Renderer(step, loaded, dialect, schema, script);
        for (LoadedRevision.Located located : operations) r.add(located.operation(), located.line(), false);
        String checksum = RevisionChecksum.of(loaded.source().file(), SqlFilesRead.in(loaded.upgrade()));
        return new StepPlan(step, script, checksum, r.out, digests(r.out));
    }

    /** The step's statements as its operations are added, each at its script line. */
    private static final class Renderer {
        private final Step step;
        private final LoadedRevision loaded;
        private final Dialect dialect;
        private final OfflineSchema schema;
        private final String script;
        private final List<StepStatement> out = new ArrayList<>();

        Renderer(Step step, LoadedRevision loaded, Dialect dialect, OfflineSchema schema, String script) {
            this.step = step;
            this.loaded = loaded;
            this.dialect = dialect;
            this.schema = schema;
            this.script = script;
        }

        void add(Operation op, int line, boolean autocommit) { op.accept(new Placement(line, autocommit)); }

        /**
         * What one operation becomes in the step: rows to batch, a connection block to run, the operations of its block,
         * or the SQL the dialect renders for it.
         */
        private final class Placement implements OperationVisitor<Void> {
            private final int line;
            private final boolean autocommit;

            Placement(int line, boolean autocommit) {
                this.line = line;
                this.autocommit = autocommit;
            }

            @Override public Void visitRunWithConnection(RunWithConnection op) { return unit(new StepStatement.Callback(op), op, autocommit); }

            @Override public Void visitAutocommit(Autocommit op) {
                for (Operation inner : op.operations()) add(inner, lineOf(inner), true);
                return null;
            }

            /** Flattened, so that the block's inserts batch and its connection blocks run. */
            @Override public Void visitOnDialect(OnDialect op) {
                if (op.appliesTo(dialect)) for (Operation inner : op.operations()) add(inner, lineOf(inner), autocommit);
                return null;
            }

            @Override public Void visitInsert(Insert op) {
                if (op.rows().isEmpty()) return null;
                return unit(new StepStatement.Rows(op, dialect.parameterizedInsert(op, List.copyOf(op.rows().get(0).keySet()))), op, autocommit);
            }

            @Override public Void visitCreateTable(CreateTable op) { return sql(op); }
            @Override public Void visitDropTable(DropTable op) { return sql(op); }
            @Override public Void visitRenameTable(RenameTable op) { return sql(op); }
            @Override public Void visitAddColumn(AddColumn op) { return sql(op); }
            @Override public Void visitDropColumn(DropColumn op) { return sql(op); }
            @Override public Void visitAlterColumn(AlterColumn op) { return sql(op); }
            @Override public Void visitRenameColumn(RenameColumn op) { return sql(op); }
            @Override public Void visitCreateIndex(CreateIndex op) { return sql(op); }
            @Override public Void visitDropIndex(DropIndex op) { return sql(op); }
            @Override public Void visitCreateUniqueConstraint(CreateUniqueConstraint op) { return sql(op); }
            @Override public Void visitCreatePrimaryKey(CreatePrimaryKey op) { return sql(op); }
            @Override public Void visitCreateCheckConstraint(CreateCheckConstraint op) { return sql(op); }
            @Override public Void visitCreateForeignKey(CreateForeignKey op) { return sql(op); }
            @Override public Void visitValidateConstraint(ValidateConstraint op) { return sql(op); }
            @Override public Void visitDropConstraint(DropConstraint op) { return sql(op); }
            @Override public Void visitTableComment(TableComment op) { return sql(op); }
            @Override public Void visitExecuteSql(ExecuteSql op) { return sql(op); }

            /**
             * One unit per statement of the file, each described by the file and its line there, so that a failing
             * statement names both the revision's line and the SQL file's.
             */
            @Override public Void visitSqlFile(SqlFile op) {
                String file = sqlFilePath(op);
                List<StatementSplitter.Statement> statements;
                try {
                    statements = dialect.statementSplitter().split(op.text());
                } catch (RenderException e) {
                    throw new RenderException(where(op) + file + ", " + e.getMessage());
                }
                for (StatementSplitter.Statement s : statements)
                    out.add(new StepStatement(out.size() + 1, new StepStatement.Sql(s.sql()), "sqlFile " + file + ":" + s.line(), line, autocommit));
                return null;
            }

            private Void sql(Operation op) {
                List<String> sql;
                try {
                    sql = dialect.render(op, schema);
                    schema.record(op);
                } catch (RenderException e) {
                    throw new RenderException(where(op) + e.getMessage());
                } catch (DatabaseException e) {
                    throw new DatabaseException(where(op) + e.getMessage(), e);
                }
                // What the dialect cannot run in a transaction (CREATE INDEX CONCURRENTLY) runs as if in autocommit { }.
                boolean outside = autocommit || dialect.runsOutsideTransaction(op);
                for (String s : sql) unit(new StepStatement.Sql(s), op, outside);
                return null;
            }

            private Void unit(StepStatement.Work work, Operation op, boolean outside) {
                out.add(new StepStatement(out.size() + 1, work, op.describe(), line, outside));
                return null;
            }

            /** A nested operation's own line, or its block's. */
            private int lineOf(Operation inner) {
                int own = loaded.lineOf(inner);
                return own > 0 ? own : line;
            }

            /** The SQL file as the user finds it: beside the revision's script, as the script path is shown. */
            private String sqlFilePath(SqlFile op) {
                try {
                    return Path.of(script).resolveSibling(op.path()).normalize().toString().replace('\\', '/');
                } catch (InvalidPathException e) {
                    return op.path();
                }
            }

            private String where(Operation op) {
                return "revision " + step.revision().id() + " (" + script + (line > 0 ? ":" + line : "") + ", " + op.describe() + "): ";
            }
        }
    }

    /** digests[k] covers statements 1..k (digests[0] is the empty prefix). */
    private static List<String> digests(List<StepStatement> statements) {
        MessageDigest md = ScriptChecksum.digest();
        List<String> out = new ArrayList<>(statements.size() + 1);
        try {
            out.add(HexFormat.of().formatHex(((MessageDigest) md.clone()).digest()));
            for (StepStatement s : statements) {
                md.update(s.digestText().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                out.add(HexFormat.of().formatHex(((MessageDigest) md.clone()).digest()));
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JVM cannot be cloned", e);
        }
        return out;
    }

    public String revision() { return step.revision().id(); }

    /** {@code versions/x.groovy:12} or just the path when the line is unknown. */
    public String where(StepStatement s) { return script + (s.line() > 0 ? ":" + s.line() : ""); }
}
