package dev.retort.internal.db;

/** The migration lock stayed held by another session until {@code lock_timeout}; {@link #holder()} says by whom. */
public final class LockTimeoutException extends DatabaseException {
    private final String holder;

    public LockTimeoutException(String message, String holder) {
        super(message, null);
        this.holder = holder;
    }

    /** Who holds the lock, as far as the database tells: session id, user, client, since when. */
    public String holder() { return holder; }
}
