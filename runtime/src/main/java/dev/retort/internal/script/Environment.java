package dev.retort.internal.script;

import dev.retort.dsl.env.EnvironmentHooks;
import dev.retort.dsl.env.MigrationStep;
import dev.retort.dsl.env.SchemaObject;
import dev.retort.dsl.env.StepOutcome;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The hooks a command runs with: those of the project's environment script ({@code env.groovy} or {@code env.kts}) and
 * those an application registered in code. A hook that throws is reported where it was written: a script's hook as
 * {@code env.groovy:7}, an application's as what it threw.
 */
public final class Environment {
    /** Where hooks came from: a compiled script ({@code file} and its class name) or code ({@code file} null). */
    private record Source(Path file, String scriptClass, EnvironmentHooks hooks) {}

    private static final Environment NONE = new Environment(List.of());

    private final List<Source> sources;

    private Environment(List<Source> sources) { this.sources = List.copyOf(sources); }

    /** No environment script and no hooks. */
    public static Environment none() { return NONE; }

    static Environment ofScript(Path file, String scriptClass, EnvironmentHooks hooks) {
        return new Environment(List.of(new Source(file, scriptClass, hooks)));
    }

    /** These hooks, then an application's own. */
    public Environment and(EnvironmentHooks code) {
        if (code.isEmpty()) return this;
        List<Source> all = new ArrayList<>(sources);
        all.add(new Source(null, null, code));
        return new Environment(all);
    }

    public boolean hasConnectionHooks() { return sources.stream().anyMatch(s -> !s.hooks().configureConnection().isEmpty()); }

    public void configureConnection(Connection connection) {
        for (Source s : sources)
            for (EnvironmentHooks.ConnectionHook h : s.hooks().configureConnection())
                call(s, "configureConnection", () -> { h.configure(connection); return null; });
    }

    public void beforeEach(MigrationStep step) {
        for (Source s : sources)
            for (EnvironmentHooks.BeforeStep h : s.hooks().beforeEach())
                call(s, "beforeEach (" + step + ")", () -> { h.before(step); return null; });
    }

    public void afterEach(MigrationStep step, StepOutcome result) {
        for (Source s : sources)
            for (EnvironmentHooks.AfterStep h : s.hooks().afterEach())
                call(s, "afterEach (" + step + ")", () -> { h.after(step, result); return null; });
    }

    /** Runs every onFailure hook, even when one throws; returns what they threw, for the caller to report beside the failure. */
    public List<RuntimeException> onFailure(MigrationStep step, Throwable error) {
        List<RuntimeException> failed = new ArrayList<>();
        for (Source s : sources)
            for (EnvironmentHooks.OnFailure h : s.hooks().onFailure()) {
                try {
                    call(s, "onFailure (" + step + ")", () -> { h.failed(step, error); return null; });
                } catch (RuntimeException e) {
                    failed.add(e);
                }
            }
        return failed;
    }

    public boolean hasObjectFilters() { return sources.stream().anyMatch(s -> !s.hooks().includeObject().isEmpty()); }

    /** True unless an includeObject filter rejects the object. */
    public boolean includes(SchemaObject object) {
        for (Source s : sources)
            for (EnvironmentHooks.ObjectFilter f : s.hooks().includeObject())
                if (!call(s, "includeObject (" + object.type() + " " + object.name() + ")", () -> f.include(object))) return false;
        return true;
    }

    private static <T> T call(Source source, String hook, Callable<T> run) {
        try {
            return run.call();
        } catch (Exception | LinkageError | StackOverflowError e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
            if (source.file() == null)
                throw new IllegalStateException("the " + hook + " hook registered in code failed: " + message, cause);
            throw new ScriptException(source.file(), ScriptRuns.lineIn(cause, source.scriptClass()), "the " + hook
                    + " hook failed: " + message + "; fix the environment script and run again", cause);
        }
    }
}
