package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the upgrade's SQL to a file without touching a database, as {@code retort upgrade --sql TARGET}: for a DBA to
 * review or run.
 */
@Mojo(name = "sql", configurator = SecretMaskingConfigurator.HINT)
public final class SqlMojo extends RetortMojo {
    /** head, REV, or FROM:TO to start from a revision the database is known to be at. */
    @Parameter(property = "retort.target", defaultValue = "head")
    String target;

    /** The file to write. */
    @Parameter(property = "retort.output", defaultValue = "${project.build.directory}/retort/upgrade.sql")
    File output;

    /** h2, postgresql, mysql, mariadb, sqlite, oracle or mssql; default: the one of the URL. */
    @Parameter(property = "retort.dialect")
    String dialect;

    @Override List<String> command() {
        List<String> command = new ArrayList<>(List.of("upgrade", "--sql"));
        if (notBlank(dialect)) command.addAll(List.of("--dialect", dialect));
        command.add(target);
        return command;
    }

    @Override void runGoal() throws MojoExecutionException, MojoFailureException {
        OutputStream file;
        try {
            Files.createDirectories(output.toPath().toAbsolutePath().getParent());
            file = Files.newOutputStream(output.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + output.getAbsolutePath() + ": " + e.getMessage(), e);
        }
        run(command(), file);
        getLog().info("Wrote the SQL of upgrade " + target + " to " + output.getAbsolutePath());
    }
}
