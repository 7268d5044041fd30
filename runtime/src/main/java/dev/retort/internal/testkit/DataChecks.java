package dev.retort.internal.testkit;

import dev.retort.internal.graph.GraphException;
import dev.retort.internal.script.ScriptException;
import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.sql.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;

/**
 * The {@code data} check: the blocks of {@code retort-test.groovy} run on a scratch database while the revisions go up
 * one at a time, each block right after its revision is applied ({@code at} blocks before {@code after} blocks, in
 * file order), so rows put in early must survive the revisions that follow and the assertions see what they made.
 */
final class DataChecks {
    static final String FILE_NAME = "retort-test.groovy";

    private DataChecks() {}

    /** {@code retort-test.groovy} beside {@code retort.ini}, when there is one. */
    static Optional<Path> file(Path here) {
        Path file = here == null ? null : here.resolve(FILE_NAME);
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    static CheckOutcome run(SteppedMigration migration, Path file) {
        String shown = migration.project().config().here().relativize(file.toAbsolutePath().normalize()).toString();
        Map<String, List<DataBlock>> byRevision = new LinkedHashMap<>();
        List<DataBlock> blocks;
        try {
            blocks = load(file);
            for (DataBlock b : blocks) {
                String id = resolve(migration, b, shown);
                byRevision.computeIfAbsent(id, k -> new ArrayList<>()).add(b);
            }
        } catch (ScriptException e) {
            return CheckOutcome.fail(CheckName.DATA, null, e.getMessage(), List.of());
        }
        for (String id : migration.upgradeOrder()) {
            try {
                migration.upgrade(id);
            } catch (SteppedMigration.StepFailed e) {
                return CheckOutcome.fail(CheckName.DATA, id, "upgrade of " + migration.describe(id) + " failed with the rows of "
                        + shown + " in the database: " + e.getMessage(), List.of());
            }
            List<DataBlock> here = byRevision.getOrDefault(id, List.of());
            for (DataBlock.Kind kind : DataBlock.Kind.values())
                for (DataBlock b : here)
                    if (b.kind() == kind) {
                        Optional<CheckOutcome> failed = runBlock(migration, b, id, shown);
                        if (failed.isPresent()) return failed.get();
                    }
        }
        return CheckOutcome.pass(CheckName.DATA, blocks.size() + (blocks.size() == 1 ? " block" : " blocks") + " of " + shown);
    }

    private static String resolve(SteppedMigration migration, DataBlock b, String shown) {
        try {
            return migration.graph().resolve(b.revision()).id();
        } catch (GraphException e) {
            throw new ScriptException(Path.of(shown), b.line(), b.label() + ": " + e.getMessage() + "; name a revision of this project");
        }
    }

    /** @return the failure, or empty when the block ran (and its assertions held) */
    private static Optional<CheckOutcome> runBlock(SteppedMigration migration, DataBlock b, String id, String shown) {
        String where = b.label() + " (" + shown + ":" + b.line() + ")";
        try (Connection c = migration.database().connection()) {
            c.setAutoCommit(true);
            Sql sql = new Sql(c);
            Closure<?> body = (Closure<?>) b.body().clone();
            body.setDelegate(b.kind() == DataBlock.Kind.AT ? new SetupBlock(c, migration.database().dialect(), sql) : new AssertBlock(sql));
            body.setResolveStrategy(Closure.DELEGATE_FIRST);
            if (body.getMaximumNumberOfParameters() == 0) body.call(); else body.call(sql);
            return Optional.empty();
        } catch (AssertionError e) {
            // Groovy's power assert: the first line is the assertion, the rest its diagram of values.
            List<String> lines = String.valueOf(e.getMessage()).lines().toList();
            return Optional.of(CheckOutcome.fail(CheckName.DATA, id, failedAt(b, shown, e) + ": " + lines.get(0).strip(), lines));
        } catch (SQLException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(CheckOutcome.fail(CheckName.DATA, id, failedAt(b, shown, e) + ": " + message.lines().findFirst().orElse(""),
                    message.lines().skip(1).toList()));
        }
    }

    /** {@code after '2c3d…' (retort-test.groovy:7)}, with the line inside the block where the failure was raised. */
    private static String failedAt(DataBlock b, String shown, Throwable e) {
        int line = DataChecksScript.lineIn(e);
        return b.label() + " (" + shown + ":" + (line > 0 ? line : b.line()) + ")";
    }

    // ---- loading -----------------------------------------------------------------------------------

    /** Runs the script once to record its blocks; a script that does not compile or run is an error naming file and line. */
    static List<DataBlock> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(file, 0, "cannot read the data checks: " + e.getMessage(), e);
        }
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(DataChecksScript.class.getName());
        config.setSourceEncoding("UTF-8");
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports("groovy.sql", "java.time"));
        // Not closed: the blocks' closures load their classes from it when they run.
        GroovyClassLoader loader = new GroovyClassLoader(DataChecks.class.getClassLoader(), config);
        try {
            GroovyCodeSource code = new GroovyCodeSource(text, DataChecksScript.CLASS_NAME + ".groovy", "/groovy/script");
            code.setCachable(false);
            DataChecksScript script = (DataChecksScript) loader.parseClass(code, false).getDeclaredConstructor().newInstance();
            script.run();
            return script.blocks();
        } catch (MultipleCompilationErrorsException e) {
            if (e.getErrorCollector().getErrors().get(0) instanceof SyntaxErrorMessage sem)
                throw new ScriptException(file, sem.getCause().getLine(), sem.getCause().getStartColumn(), sem.getCause().getOriginalMessage(), e);
            throw new ScriptException(file, 0, "does not compile: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new ScriptException(file, 0, "cannot load the data checks: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ScriptException(file, DataChecksScript.lineIn(e), (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; the file holds at 'REV' { … } and after 'REV' { … } blocks", e);
        }
    }
}
