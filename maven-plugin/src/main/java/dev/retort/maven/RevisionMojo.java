package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a new revision file into the first version location, as {@code retort revision -m MESSAGE}, from the project's
 * template: its own, the one retort.ini (or {@code retort.template}) names — a template jar among the plugin's
 * {@code <dependencies>} counts — or the built-in one.
 */
@Mojo(name = "revision", configurator = SecretMaskingConfigurator.HINT)
public final class RevisionMojo extends RetortMojo {
    /** What the revision does, e.g. "add email to users". */
    @Parameter(property = "retort.message", required = true)
    String message;

    /** Fill the revision with the differences between the database and the model. */
    @Parameter(property = "retort.autogenerate", defaultValue = "false")
    boolean autogenerate;

    /** groovy or kotlin; default: retort.ini's language. */
    @Parameter(property = "retort.language")
    String language;

    /** The template to write it from, by name (overrides retort.ini's template). */
    @Parameter(property = "retort.template")
    String template;

    @Override List<String> command() {
        List<String> command = new ArrayList<>();
        if (notBlank(template)) command.addAll(List.of("-x", "template=" + template));
        command.addAll(List.of("revision", "-m", message));
        if (autogenerate) command.add("--autogenerate");
        if (notBlank(language)) command.addAll(List.of("--language", language));
        return command;
    }
}
