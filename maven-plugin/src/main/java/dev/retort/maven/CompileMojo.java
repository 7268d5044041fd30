package dev.retort.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Precompiles every revision into the build output, as {@code retort compile -o DIR}, so the jar carries them and a
 * deploy or an application start never runs a compiler.
 */
@Mojo(name = "compile", configurator = SecretMaskingConfigurator.HINT, defaultPhase = LifecyclePhase.PROCESS_CLASSES)
public final class CompileMojo extends RetortMojo {
    /** Where the compiled revisions go. */
    @Parameter(property = "retort.compileOutput", defaultValue = "${project.build.outputDirectory}")
    File compileOutput;

    @Override List<String> command() throws MojoFailureException {
        requireCommand("compile", "compile");
        return List.of("compile", "-o", compileOutput.getAbsolutePath());
    }
}
