package dev.retort.internal.script;

import dev.retort.internal.graph.Revision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the last run read from each revision file (its header and the hash of its text), beside the file's size and
 * modification time, in the compile cache folder. A file whose size and time are unchanged is not read again: a project
 * of 10,000 revisions answers {@code heads} from this index and a directory listing, and a warm run finds its compiled
 * classes by the stored hash.
 * <p>
 * An entry is trusted only when the file's size and time equal the recorded ones, the time is not in the future, and the
 * time is at least {@link #RACY_MARGIN_NANOS} older than when the index was written: a file changed within the same clock
 * tick as it was indexed (or by a machine whose clock runs ahead) is read again. A missing, damaged or foreign index
 * (its own checksum does not check out) is ignored and rewritten. Writes go to a temporary file moved into place. A project
 * of fewer than {@link #MIN_INDEXED} revisions has no index.
 */
public final class SourceIndex {
    private static final byte[] MAGIC = "retort-source-index 3\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * A CRC-32C of the body detects a damaged or truncated index. It guards against accidents, not attacks (whoever can
     * write the cache folder can write the compiled classes too), and unlike SHA-256 it is an intrinsic even in the
     * interpreter and C1, which matters when a 2 MB index is checked on every launch.
     */
    private static final int CHECKSUM_LENGTH = Long.BYTES;
    /**
     * Fewer files than this are read every time and no index is written: reading them costs less than the index, and a
     * small project's read-only commands (graph, heads) leave no cache folder behind.
     */
    static final int MIN_INDEXED = 100;
    /** Two seconds: the coarsest modification-time resolution in use (FAT); finer file systems lose nothing by it. */
    static final long RACY_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** One file as it was read: when it had this size and time, its header and text hash were these. */
    public record Entry(long size, long modifiedNanos, String textHash, Revision header) {}

    private final Path file;
    private final long writtenNanos;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current;
    private final AtomicInteger read = new AtomicInteger();

    private SourceIndex(Path file, long writtenNanos, Map<String, Entry> previous) {
        this.file = file;
        this.writtenNanos = writtenNanos;
        this.previous = previous;
        this.current = new ConcurrentHashMap<>(Math.max(16, previous.size() * 2));
    }

    /** An index that remembers nothing and writes nothing (no cache folder, or locations inside jars). */
    public static SourceIndex none() { return new SourceIndex(null, 0, Map.of()); }

    /**
     * The index of these version locations in {@code cacheDir}: one file per set of locations, named by their absolute
     * paths, so projects sharing a cache folder keep their own.
     */
    public static SourceIndex open(Path cacheDir, List<Path> locations) {
        if (cacheDir == null || locations.stream().anyMatch(l -> l.getFileSystem() != FileSystems.getDefault())) return none();
        List<String> names = locations.stream().map(l -> l.toAbsolutePath().normalize().toString()).toList();
        Path file = cacheDir.resolve("sources").resolve(ScriptCompileCache.key(names.toArray(String[]::new)).substring(0, 32) + ".idx");
        try {
            byte[] bytes = Files.readAllBytes(file);
            return decode(file, bytes);
        } catch (IOException | RuntimeException e) {
            // None yet, or not readable: every file is read, and the index written anew.
            return new SourceIndex(file, 0, Map.of());
        }
    }

    /** The entry for a file whose size and time are unchanged since it was indexed, and old enough to trust. */
    public Optional<Entry> lookup(Path path, BasicFileAttributes attributes) {
        Entry e = previous.get(key(path));
        if (e == null) return Optional.empty();
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        long now = System.currentTimeMillis() * 1_000_000L;
        boolean trusted = e.size() == attributes.size() && e.modifiedNanos() == modified
                && modified <= now && modified < writtenNanos - RACY_MARGIN_NANOS;
        if (!trusted) return Optional.empty();
        current.put(key(path), e);
        return Optional.of(e);
    }

    /** Records what was read from a file, with the size and time it had before it was read. */
    public void put(Path path, BasicFileAttributes attributes, String textHash, Revision header) {
        current.put(key(path), new Entry(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), textHash, header));
        read.incrementAndGet();
    }

    /** How many files this run read (the others came from the index). */
    public int filesRead() { return read.get(); }

    /**
     * Writes the index when a file was read or is gone since the last run; otherwise leaves it as it is (a run that read
     * nothing writes nothing). Best effort: an index that cannot be written only costs reading the files next time.
     */
    public void save() {
        if (file == null || current.size() < MIN_INDEXED || (read.get() == 0 && current.size() == previous.size())) return;
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), "sources", ".tmp");
            Files.write(temp, encode(current, System.currentTimeMillis() * 1_000_000L));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            if (temp != null) try { Files.deleteIfExists(temp); } catch (IOException ignored) { /* best effort */ }
        }
    }

    /**
     * Paths from the scan are absolute and normal already (version locations are), so the key is the path's own string;
     * a path spelled differently would only miss and be read again.
     */
    private static String key(Path path) { return path.toAbsolutePath().toString(); }

    static byte[] encode(Map<String, Entry> entries, long writtenNanos) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeLong(writtenNanos);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry entry = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(entry.size());
                out.writeLong(entry.modifiedNanos());
                out.writeUTF(entry.textHash());
                Revision r = entry.header();
                out.writeUTF(r.id());
                writeList(out, r.downRevisions());
                writeList(out, r.dependsOn());
                writeList(out, r.branchLabels());
                byte[] message = r.message().getBytes(StandardCharsets.UTF_8);
                out.writeInt(message.length);
                out.write(message);
                writeList(out, r.replaces());
            }
        }
        byte[] body = buffer.toByteArray();
        byte[] whole = Arrays.copyOf(body, body.length + CHECKSUM_LENGTH);
        java.nio.ByteBuffer.wrap(whole, body.length, CHECKSUM_LENGTH).putLong(checksum(body, body.length));
        return whole;
    }

    static SourceIndex decode(Path file, byte[] whole) throws IOException {
        if (whole.length < MAGIC.length + CHECKSUM_LENGTH) throw new IOException("truncated index");
        int bodyLength = whole.length - CHECKSUM_LENGTH;
        if (java.nio.ByteBuffer.wrap(whole, bodyLength, CHECKSUM_LENGTH).getLong() != checksum(whole, bodyLength))
            throw new IOException("checksum mismatch");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(whole, 0, bodyLength))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) throw new IOException("not a source index");
            long written = in.readLong();
            int count = in.readInt();
            if (count < 0 || count > 10_000_000) throw new IOException("bad entry count " + count);
            Map<String, Entry> entries = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                long size = in.readLong();
                long modified = in.readLong();
                String hash = in.readUTF();
                String id = in.readUTF();
                List<String> parents = readList(in);
                List<String> dependsOn = readList(in);
                List<String> labels = readList(in);
                int messageLength = in.readInt();
                if (messageLength < 0 || messageLength > bodyLength) throw new IOException("bad message length");
                String message = new String(in.readNBytes(messageLength), StandardCharsets.UTF_8);
                List<String> replaces = readList(in);
                entries.put(path, new Entry(size, modified, hash, new Revision(id, parents, dependsOn, labels, message, replaces)));
            }
            return new SourceIndex(file, written, entries);
        }
    }

    /** The CRC-32C of the first {@code length} bytes, with the length in the high half so a truncation cannot match. */
    private static long checksum(byte[] bytes, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, length);
        return (long) length << 32 | crc.getValue();
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) out.writeUTF(v);
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) throw new IOException("bad list length " + n);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(in.readUTF());
        return List.copyOf(out);
    }
}
