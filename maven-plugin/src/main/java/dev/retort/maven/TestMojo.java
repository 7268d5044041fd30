package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Runs the revision checks (single head, upgrade, stairway, no-trace, model) on a scratch database, as {@code retort test}. */
@Mojo(name = "test", configurator = SecretMaskingConfigurator.HINT, defaultPhase = LifecyclePhase.TEST)
public final class TestMojo extends RetortMojo {
    /** Only these checks, comma-separated: single-head, upgrade, stairway, no-trace, model. */
    @Parameter(property = "retort.only")
    String only;

    /** Use a throw-away database on the project's server instead of an in-memory H2. */
    @Parameter(property = "retort.scratch", defaultValue = "false")
    boolean scratch;

    /** Skipped with the project's tests. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Override void runGoal() throws MojoExecutionException, MojoFailureException {
        if (skipTests) {
            getLog().info("Retort: tests skipped (skipTests)");
            return;
        }
        super.runGoal();
    }

    @Override List<String> command() throws MojoFailureException {
        requireCommand("test", "test");
        List<String> command = new ArrayList<>(List.of("test"));
        if (notBlank(only)) command.addAll(List.of("--only", only));
        if (scratch) command.add("--scratch");
        return command;
    }
}
