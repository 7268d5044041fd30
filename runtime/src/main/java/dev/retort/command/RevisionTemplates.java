package dev.retort.command;

import dev.retort.script.ScriptLanguage;
import groovy.lang.Closure;
import groovy.text.SimpleTemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders new revision files from {@code script.groovy.tmpl} / {@code script.kts.tmpl} with the Groovy template
 * engine. A project's own template (beside its retort.ini) wins over the built-in one.
 */
public final class RevisionTemplates {
    private RevisionTemplates() {}

    public static String templateFileName(ScriptLanguage language) {
        return language == ScriptLanguage.GROOVY ? "script.groovy.tmpl" : "script.kts.tmpl";
    }

    /** The template text: the project's file if present, else the built-in template of that name. */
    public static String load(Path projectDir, String builtInTemplate, ScriptLanguage language) {
        String file = templateFileName(language);
        Path own = projectDir.resolve(file);
        try {
            if (Files.exists(own)) return Files.readString(own, StandardCharsets.UTF_8);
            String resource = "/templates/" + (builtInTemplate == null ? language.configName() : builtInTemplate) + "/" + file;
            try (InputStream in = RevisionTemplates.class.getResourceAsStream(resource)) {
                if (in == null) try (InputStream fallback = RevisionTemplates.class.getResourceAsStream("/templates/" + language.configName() + "/" + file)) {
                    return new String(fallback.readAllBytes(), StandardCharsets.UTF_8);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read revision template " + file + ": " + e.getMessage(), e);
        }
    }

    public static String render(String template, Map<String, Object> variables, ScriptLanguage language) {
        Map<String, Object> binding = new HashMap<>(variables);
        // lit(x): x as a string literal of the script's language, for header calls.
        binding.put("lit", new Closure<String>(null) {
            @Override public String call(Object... args) { return literal(String.valueOf(args[0]), language); }
        });
        try {
            return new SimpleTemplateEngine().createTemplate(template).make(binding).toString();
        } catch (ClassNotFoundException | IOException e) {
            throw new IllegalStateException("revision template does not render: " + e.getMessage(), e);
        }
    }

    static String literal(String s, ScriptLanguage language) {
        String escaped = s.replace("\\", "\\\\");
        return language == ScriptLanguage.GROOVY ? "'" + escaped.replace("'", "\\'") + "'"
                : "\"" + escaped.replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }
}
