package dev.retort.internal.database;

import dev.retort.internal.db.Database;
import java.io.IOException;
import java.sql.SQLException;

/**
 * A throw-away database made for the test kit by an embedded or file database's package.
 *
 * @param where    where it lives, for messages ({@code in-memory H2}, {@code SQLite file in /tmp/…})
 * @param database its connection pool
 * @param dropper  removes it once the pool is closed
 */
public record ScratchSpace(String where, Database database, Dropper dropper) {

    /** How one kind of scratch database is removed. */
    @FunctionalInterface
    public interface Dropper { void drop() throws SQLException, IOException; }
}
