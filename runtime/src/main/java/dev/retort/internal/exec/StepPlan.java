package dev.retort.internal.exec;

import dev.retort.internal.db.DatabaseException;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.Autocommit;
import dev.retort.dsl.op.Insert;
import dev.retort.dsl.op.OnDialect;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.RunWithConnection;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.LoadedRevision;
import dev.retort.internal.script.ScriptChecksum;
import java.nio.charset.StandardCharsets;
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
        return new StepPlan(step, script, ScriptChecksum.of(loaded.source().file()), r.out, digests(r.out));
    }

    private record Renderer(Step step, LoadedRevision loaded, Dialect dialect, OfflineSchema schema, String script, List<StepStatement> out) {
        Renderer(Step step, LoadedRevision loaded, Dialect dialect, OfflineSchema schema, String script) {
            this(step, loaded, dialect, schema, script, new ArrayList<>());
        }

        void add(Operation op, int line, boolean autocommit) {
            if (op instanceof RunWithConnection r) {
                unit(new StepStatement.Callback(r), op, line, autocommit);
            } else if (op instanceof Autocommit a) {
                for (Operation inner : a.operations()) add(inner, lineOf(inner, line), true);
            } else if (op instanceof OnDialect o) {
                if (o.appliesTo(dialect.name()))
                    for (Operation inner : o.operations()) add(inner, lineOf(inner, line), autocommit);
            } else if (op instanceof Insert insert) {
                if (!insert.rows().isEmpty()) unit(new StepStatement.Rows(insert,
                        dialect.parameterizedInsert(insert, List.copyOf(insert.rows().get(0).keySet()))), op, line, autocommit);
            } else {
                List<String> sql;
                try {
                    sql = dialect.render(op, schema);
                    schema.record(op);
                } catch (RenderException e) {
                    throw new RenderException(where(op, line) + e.getMessage());
                } catch (DatabaseException e) {
                    throw new DatabaseException(where(op, line) + e.getMessage(), e);
                }
                // What the dialect cannot run in a transaction (CREATE INDEX CONCURRENTLY) runs as if in autocommit { }.
                boolean outside = autocommit || dialect.runsOutsideTransaction(op);
                for (String s : sql) unit(new StepStatement.Sql(s), op, line, outside);
            }
        }

        private void unit(StepStatement.Work work, Operation op, int line, boolean autocommit) {
            out.add(new StepStatement(out.size() + 1, work, op.describe(), line, autocommit));
        }

        private int lineOf(Operation inner, int outer) {
            int line = loaded.lineOf(inner);
            return line > 0 ? line : outer;
        }

        private String where(Operation op, int line) {
            return "revision " + step.revision().id() + " (" + script + (line > 0 ? ":" + line : "") + ", " + op.describe() + "): ";
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
