package dev.retort.dsl.groovy;

import dev.retort.dsl.env.EnvironmentHooks;
import dev.retort.dsl.env.MigrationStep;
import dev.retort.dsl.env.SchemaObject;
import dev.retort.dsl.env.StepOutcome;
import groovy.lang.Closure;
import groovy.lang.Script;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.FromString;
import groovy.transform.stc.SimpleType;
import java.sql.Connection;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * The base class of a Groovy environment script ({@code env.groovy} beside {@code retort.ini}), Alembic's
 * {@code env.py}: running it registers hooks, which Retort calls while it connects, migrates and compares.
 */
public abstract class EnvScript extends Script {
    private final EnvironmentHooks.Builder hooks = EnvironmentHooks.builder();
    private String section = "retort";

    /** The section of {@code retort.ini} chosen for this run ({@code -n prod}); {@code retort} when none was. */
    public String getSection() { return section; }

    /** Runs on every connection Retort takes, before it is used: {@code c.createStatement().execute('SET search_path TO app')}. */
    public void configureConnection(@ClosureParams(value = SimpleType.class, options = "java.sql.Connection") Closure<?> block) {
        hooks.configureConnection((Connection c) -> block.call(c));
    }

    /** Runs before each revision's step, online and offline. */
    public void beforeEach(@ClosureParams(value = SimpleType.class, options = "dev.retort.dsl.env.MigrationStep") Closure<?> block) {
        hooks.beforeEach((MigrationStep step) -> block.call(step));
    }

    /** Runs after each step that succeeded; a one-parameter block gets only the step. */
    public void afterEach(@ClosureParams(value = FromString.class, options = {"dev.retort.dsl.env.MigrationStep",
            "dev.retort.dsl.env.MigrationStep,dev.retort.dsl.env.StepOutcome"}) Closure<?> block) {
        hooks.afterEach((MigrationStep step, StepOutcome result) -> callWith(block, step, result));
    }

    /** Runs after a step failed; the failure is reported after it all the same. */
    public void onFailure(@ClosureParams(value = FromString.class, options = {"dev.retort.dsl.env.MigrationStep",
            "dev.retort.dsl.env.MigrationStep,java.lang.Throwable"}) Closure<?> block) {
        hooks.onFailure((MigrationStep step, Throwable error) -> callWith(block, step, error));
    }

    /** Autogenerate and {@code check} leave out every table, column, index and constraint for which the block is false. */
    public void includeObject(@ClosureParams(value = SimpleType.class, options = "dev.retort.dsl.env.SchemaObject") Closure<?> block) {
        hooks.includeObject((SchemaObject object) -> DefaultTypeTransformation.castToBoolean(block.call(object)));
    }

    /** Set by the runtime before {@link #run()}. */
    public void useSection(String name) { this.section = name; }

    /** The hooks the script registered; call after {@link #run()}. */
    public EnvironmentHooks recordedHooks() { return hooks.build(); }

    /** Groovy users write {@code { step -> }} as often as {@code { step, result -> }}: pass what the block takes. */
    private static void callWith(Closure<?> block, Object first, Object second) {
        if (block.getMaximumNumberOfParameters() >= 2) block.call(first, second);
        else block.call(first);
    }
}
