package dev.retort.internal.command;

import dev.retort.internal.config.ConfigException;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.script.ScriptLanguage;
import groovy.lang.Closure;
import groovy.text.SimpleTemplateEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders new revision files from {@code script.groovy.tmpl} / {@code script.kts.tmpl} with the Groovy template
 * engine. Which file: the project's own, beside its retort.ini; else the one of the template its {@code template}
 * key names (from {@code template_locations} or built in); else the built-in one of the revision's language.
 */
public final class RevisionTemplates {
    private RevisionTemplates() {}

    public static String templateFileName(ScriptLanguage language) {
        return language == ScriptLanguage.GROOVY ? "script.groovy.tmpl" : "script.kts.tmpl";
    }

    public static String load(RetortConfig config, ScriptLanguage language) {
        String file = templateFileName(language);
        Path own = config.here().resolve(file);
        if (Files.exists(own)) {
            try {
                return Files.readString(own, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read revision template " + own + ": " + e.getMessage(), e);
            }
        }
        if (config.template() != null) {
            Template named = TemplateCatalog.of(config.templateLocations()).byName(config.template())
                    .orElseThrow(() -> new ConfigException(config.origin("template") + ": template = " + config.template()
                            + " is neither built in nor in template_locations " + config.templateLocations()
                            + " nor on the class path (under META-INF/retort/templates/); run 'retort list-templates' to see the templates, or fix template / template_locations"));
            var text = named.text(file);
            if (text.isPresent()) return text.get();
        }
        return TemplateCatalog.builtIn(language.configName()).flatMap(t -> t.text(file))
                .orElseThrow(() -> new IllegalStateException("no revision template " + file + " for " + language.configName()
                        + " revisions: put one beside " + config.configFile().getFileName() + " or in the template named by 'template'"));
    }

    public static String render(String template, Map<String, Object> variables, ScriptLanguage language) {
        Map<String, Object> binding = new HashMap<>(variables);
        // lit(x): x as a string literal of the script's language, for header calls.
        binding.put("lit", new Closure<String>(null) {
            @Override public String call(Object... args) { return literal(String.valueOf(args[0]), language); }
        });
        try {
            return new SimpleTemplateEngine().createTemplate(template).make(binding).toString();
        } catch (ClassNotFoundException | IOException | RuntimeException e) {
            throw new IllegalStateException("revision template does not render: " + e.getMessage()
                    + "; check the template's ${…} and <% … %> parts (variables: rev, downRevision, message, createDate, "
                    + "branchLabels, dependsOn, upgrades, downgrades and -x values)", e);
        }
    }

    public static String literal(String s, ScriptLanguage language) {
        String escaped = s.replace("\\", "\\\\");
        return language == ScriptLanguage.GROOVY ? "'" + escaped.replace("'", "\\'") + "'"
                : "\"" + escaped.replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }
}
