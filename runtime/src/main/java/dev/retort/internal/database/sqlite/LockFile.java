package dev.retort.internal.database.sqlite;

import dev.retort.internal.db.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * SQLite: an operating-system lock on {@code <database file>.retort-lock}. SQLite's own locks cover the whole
 * file and would block the migration itself; the OS drops a file lock when its process dies, so it is never stale.
 * An in-memory database belongs to one process and needs no lock.
 */
public final class LockFile implements MigrationLock {
    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    public LockFile(Database database) {
        String url;
        try (var c = database.connection()) {
            url = c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new DatabaseException("cannot read the database URL: " + e.getMessage(), e);
        }
        this.file = lockFileFor(url);
    }

    /** @param file the lock file, or null for no lock (an in-memory database) */
    public LockFile(Path file) { this.file = file; }

    /** {@code jdbc:sqlite:/data/app.db?x=y} → {@code /data/app.db.retort-lock}; null for an in-memory database. */
    static Path lockFileFor(String url) {
        String path = url.replaceFirst("^jdbc:sqlite:", "").replaceFirst("^file:", "");
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        if (path.isEmpty() || path.equals(":memory:") || url.contains("mode=memory")) return null;
        return Path.of(path + ".retort-lock");
    }

    @Override public void acquire(Duration timeout, Consumer<String> waiting) {
        if (file == null) return;
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            while (true) {
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another launcher in this JVM
                }
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((LauncherIdentity.current().describe() + " since " + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    String holder = holder();
                    throw new LockTimeoutException("could not take the migration lock (file " + file + ") within "
                            + SessionLock.format(timeout) + ": it is held by " + holder + "; wait for that launcher to finish, or raise lock_timeout", holder);
                }
                if (!told) { waiting.accept("Waiting for the migration lock (file " + file + "), held by " + holder()); told = true; }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            close();
            throw new DatabaseException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DatabaseException("interrupted while waiting for the migration lock (file " + file + ")", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String holder() {
        try {
            String s = Files.readString(file).strip();
            return s.isEmpty() ? "another launcher" : s;
        } catch (IOException e) {
            return "another launcher";
        }
    }

    @Override public void close() {
        try {
            if (lock != null) lock.release();
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock in any case.
        } finally {
            lock = null;
            channel = null;
        }
    }
}
