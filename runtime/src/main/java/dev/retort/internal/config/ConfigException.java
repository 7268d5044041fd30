package dev.retort.internal.config;

/** A configuration that cannot be used; the message names the key, the file and the line where known. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) { super(message); }
    public ConfigException(String message, Throwable cause) { super(message, cause); }
}
