package dev.retort.dsl.op;

/**
 * Reads the SQL files a revision's {@code sqlFile('…')} names. The DSL does no I/O itself: the runtime hands each
 * revision a source that resolves paths against that revision's folder.
 */
@FunctionalInterface
public interface SqlFileSource {
    /** The file's text; throws with a message that says which file was looked for, and where, when it cannot be read. */
    String read(String path);

    /** For builders used without a revision file (tests, models): every sqlFile is an error. */
    SqlFileSource NONE = path -> {
        throw new IllegalStateException("sqlFile '" + path + "' needs a revision file to resolve against; none is known here");
    };
}
