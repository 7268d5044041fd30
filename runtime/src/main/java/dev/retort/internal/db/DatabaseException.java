package dev.retort.internal.db;

/** A database operation that failed; the message carries the SQL (when there is one) and the database's own words. */
public sealed class DatabaseException extends RuntimeException permits LockTimeoutException {
    public DatabaseException(String message, Throwable cause) { super(message, cause); }
}
