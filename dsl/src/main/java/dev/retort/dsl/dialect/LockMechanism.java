package dev.retort.dsl.dialect;

/**
 * How a database keeps two launchers from migrating it at once. Each mechanism is held by a session, so the
 * database releases it when the session ends, also when the launcher's process is killed.
 */
public enum LockMechanism {
    /** PostgreSQL {@code pg_try_advisory_lock} (session level, on a connection of its own). */
    ADVISORY_LOCK,
    /** MySQL and MariaDB {@code GET_LOCK}. */
    NAMED_LOCK,
    /** SQL Server {@code sp_getapplock} with the session as owner. */
    APPLICATION_LOCK,
    /** Oracle {@code DBMS_LOCK.REQUEST} (needs EXECUTE on DBMS_LOCK). */
    DBMS_LOCK,
    /** A row of a small lock table held {@code FOR UPDATE} by an open transaction (H2, and any database with row locks). */
    LOCK_TABLE_ROW,
    /** An operating-system lock on a file beside the database (SQLite, whose locks cover the whole file). */
    LOCK_FILE
}
