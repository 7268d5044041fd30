package dev.retort.maven

import org.apache.maven.plugin.logging.Log

/** A Maven log that keeps each line with its level, as "[INFO] text", for the specs to read. */
final class RecordingLog implements Log {
    final List<String> lines = []
    boolean debugEnabled

    boolean isDebugEnabled() { debugEnabled }
    boolean isInfoEnabled() { true }
    boolean isWarnEnabled() { true }
    boolean isErrorEnabled() { true }

    void debug(CharSequence s) { if (debugEnabled) lines << "[DEBUG] $s".toString() }
    void debug(CharSequence s, Throwable t) { debug(s) }
    void debug(Throwable t) { debug(t.toString()) }
    void info(CharSequence s) { lines << "[INFO] $s".toString() }
    void info(CharSequence s, Throwable t) { info(s) }
    void info(Throwable t) { info(t.toString()) }
    void warn(CharSequence s) { lines << "[WARNING] $s".toString() }
    void warn(CharSequence s, Throwable t) { warn(s) }
    void warn(Throwable t) { warn(t.toString()) }
    void error(CharSequence s) { lines << "[ERROR] $s".toString() }
    void error(CharSequence s, Throwable t) { error(s) }
    void error(Throwable t) { error(t.toString()) }

    List<String> info() { lines.findAll { it.startsWith('[INFO] ') }.collect { it.substring(7) } }

    String toString() { lines.join('\n') }
}
