package dev.retort.cli;

import dev.retort.internal.config.ConfigException;
import dev.retort.internal.db.DatabaseException;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.script.ScriptException;
import java.io.UncheckedIOException;

/** One paragraph for the user per failure; the stack trace only with --debug. */
final class Errors {
    /** An option value the command cannot take (an unknown dialect or language name): exit code 2, like a parse error. */
    static final class BadUsage extends RuntimeException {
        BadUsage(String message) { super(message); }
    }

    private Errors() {}

    /** Failures the user can act on from the message alone. */
    static boolean isInternal(Throwable e) {
        return !(e instanceof BadUsage || e instanceof dev.retort.api.RetortException || e instanceof ScriptException || e instanceof GraphException || e instanceof ConfigException
                || e instanceof DatabaseException || e instanceof RenderException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof UncheckedIOException);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
