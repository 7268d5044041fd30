package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the project templates, as {@code retort list-templates}: built in, from template_locations, and those of any
 * template jar added to the plugin's {@code <dependencies>} (shown as {@code classpath:NAME}).
 */
@Mojo(name = "list-templates", configurator = SecretMaskingConfigurator.HINT)
public final class ListTemplatesMojo extends RetortMojo {
    @Override List<String> command() { return List.of("list-templates"); }

    @Override boolean readsRevisions() { return false; }
}
