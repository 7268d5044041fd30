package dev.retort.internal.script;

import java.util.Map;

/**
 * The class files one revision script compiled to: its main class and every class it needs (closures, lambdas),
 * as the compiler produced them and as the compile cache stores them.
 */
public record CompiledScriptClasses(String mainClass, Map<String, byte[]> classes) {
    public CompiledScriptClasses {
        classes = Map.copyOf(classes);
        if (!classes.containsKey(mainClass)) throw new IllegalArgumentException("no class file for " + mainClass);
    }

    /** Defines the classes in a loader of their own (so a changed script reloads cleanly) and returns the main class. */
    public Class<?> define(ClassLoader parent) {
        try {
            return Class.forName(mainClass, false, new ScriptClassLoader(parent, classes));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled script lost its main class " + mainClass, e);
        }
    }

    private static final class ScriptClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        ScriptClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super("retort-script", parent);
            this.classes = classes;
        }

        @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
