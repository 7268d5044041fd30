package dev.retort.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.Autocommit;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.RunWithConnection;
import dev.retort.graph.Direction;
import dev.retort.graph.Step;
import dev.retort.script.LoadedRevision;
import dev.retort.script.ScriptChecksum;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A step rendered before anything runs: its numbered statements, the script they came from and the script's
 * checksum. The prefix digests let a rerun on a database without transactional DDL check that the statements
 * a failed run applied are still the ones the script renders.
 *
 * @param script   the script's path as shown to the user
 * @param checksum {@link ScriptChecksum} of the script file
 */
public record StepPlan(Step step, String script, String checksum, List<StepStatement> statements, List<String> prefixDigests) {
    public StepPlan {
        statements = List.copyOf(statements);
        prefixDigests = List.copyOf(prefixDigests);
    }

    public static StepPlan render(Step step, LoadedRevision loaded, Dialect dialect, String script) {
        List<LoadedRevision.Located> ops = step.direction() == Direction.UPGRADE ? loaded.locatedUpgrade() : loaded.locatedDowngrade();
        List<StepStatement> out = new ArrayList<>();
        for (LoadedRevision.Located located : ops)
            add(located.operation(), located.line(), false, loaded, dialect, script, step, out);
        return new StepPlan(step, script, ScriptChecksum.of(loaded.source().file()), out, digests(out));
    }

    private static void add(Operation op, int line, boolean autocommit, LoadedRevision loaded, Dialect dialect, String script,
                            Step step, List<StepStatement> out) {
        if (op instanceof RunWithConnection r) {
            out.add(new StepStatement(out.size() + 1, null, r, op.describe(), line, autocommit));
            return;
        }
        if (op instanceof Autocommit a) {
            for (Operation inner : a.operations()) {
                int innerLine = loaded.lineOf(inner);
                add(inner, innerLine > 0 ? innerLine : line, true, loaded, dialect, script, step, out);
            }
            return;
        }
        List<String> sql;
        try {
            sql = dialect.render(op);
        } catch (RenderException e) {
            throw new RenderException("revision " + step.revision().id() + " (" + script + (line > 0 ? ":" + line : "") + ", "
                    + op.describe() + "): " + e.getMessage());
        }
        for (String s : sql) out.add(new StepStatement(out.size() + 1, s, null, op.describe(), line, autocommit));
    }

    /** digests[k] covers statements 1..k (digests[0] is the empty prefix). */
    private static List<String> digests(List<StepStatement> statements) {
        MessageDigest md = ScriptChecksum.digest();
        List<String> out = new ArrayList<>(statements.size() + 1);
        try {
            out.add(java.util.HexFormat.of().formatHex(((MessageDigest) md.clone()).digest()));
            for (StepStatement s : statements) {
                md.update(s.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                out.add(java.util.HexFormat.of().formatHex(((MessageDigest) md.clone()).digest()));
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
