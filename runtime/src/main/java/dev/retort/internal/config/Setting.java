package dev.retort.internal.config;

/**
 * One configuration value and where it came from, so an error can point at it: {@code file:line} and section
 * for the ini file, or the flag, {@code -x} or environment variable that set it.
 */
record Setting(String value, String where) {
    static Setting fromFile(String value, String file, int line, String section) {
        return new Setting(value, file + (line > 0 ? ":" + line : "") + " [" + section + "]");
    }
}
