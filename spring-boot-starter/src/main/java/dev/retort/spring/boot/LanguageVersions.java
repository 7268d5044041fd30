package dev.retort.spring.boot;

import groovy.lang.GroovySystem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Groovy and Kotlin versions Retort was built with, beside those the application runs: Spring Boot's dependency
 * management replaces Retort's with its own (Boot 3.5: Kotlin 1.9; Boot 4.0: Groovy 5, Kotlin 2.2). When a run fails
 * the way such a downgrade fails, this says which property pins the version Retort needs.
 *
 * @param kotlin null when Kotlin is not on the classpath
 */
record LanguageVersions(String builtGroovy, String builtKotlin, String groovy, String kotlin) {

    static LanguageVersions detect() {
        Properties built = new Properties();
        try (InputStream in = LanguageVersions.class.getResourceAsStream("built-with.properties")) {
            if (in != null) built.load(in);
        } catch (IOException e) {
            // Without the built versions there is nothing to compare; explain() then stays silent.
        }
        return new LanguageVersions(built.getProperty("groovy.version"), built.getProperty("kotlin.version"),
                GroovySystem.getVersion(), runningKotlin());
    }

    private static String runningKotlin() {
        try {
            return String.valueOf(Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** A sentence or two naming the property to set, when the failure looks like a version clash; null otherwise. */
    String explain(Throwable failure) {
        boolean clash = false;
        boolean kotlinNamed = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            clash |= t instanceof LinkageError || message.contains("incompatible version of Kotlin");
            kotlinNamed |= message.contains("Kotlin") || message.contains(".kts");
        }
        if (!clash) return null;
        List<String> pins = new ArrayList<>();
        if (kotlin != null && builtKotlin != null && (older(kotlin, builtKotlin) || kotlinNamed && !kotlin.equals(builtKotlin)))
            pins.add(pin("Kotlin", "kotlin.version", kotlin, builtKotlin));
        if (builtGroovy != null && older(groovy, builtGroovy))
            pins.add(pin("Groovy", "groovy.version", groovy, builtGroovy));
        return pins.isEmpty() ? null : String.join(" ", pins);
    }

    private static String pin(String language, String property, String running, String built) {
        return "Retort was built with " + language + " " + built + ", but this application runs " + language + " " + running
                + " (the version its Spring Boot dependency management chose); set the " + property + " property to " + built
                + " (Maven: <properties><" + property + ">" + built + "</" + property + "></properties>; Gradle: extra[\""
                + property + "\"] = \"" + built + "\").";
    }

    /** Whether a is an older major.minor than b; patch releases are compatible. */
    static boolean older(String a, String b) {
        int[] x = majorMinor(a);
        int[] y = majorMinor(b);
        return x[0] != y[0] ? x[0] < y[0] : x[1] < y[1];
    }

    private static int[] majorMinor(String version) {
        String[] parts = version.split("[.-]");
        return new int[] {number(parts, 0), number(parts, 1)};
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
