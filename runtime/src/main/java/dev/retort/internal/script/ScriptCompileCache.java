package dev.retort.internal.script;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Compiled revision classes on disk, so a script is compiled once, not on every run. An entry's key is the SHA-256
 * of the script text, the Retort build and the compiler's version and options; an entry carries its own SHA-256, and
 * one that does not check out is deleted and recompiled, never trusted. Writes go to a temporary file that is then
 * moved into place, so concurrent launchers see a whole entry or none.
 */
public final class ScriptCompileCache {
    private static final byte[] MAGIC = "retort-compiled-script 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORDING_MAGIC = "retort-recorded-operations 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;
    private static final String BUILD_ID = readBuildId();

    private final Path dir;

    public ScriptCompileCache(Path dir) { this.dir = dir; }

    public Path dir() { return dir; }

    /**
     * The DSL that compiled entries link against: its version and a hash of its class files (written by dsl/pom.xml,
     * where the choice is explained). Stable across rebuilds of unchanged DSL classes, so neither a rebuild of Retort nor
     * a deploy of the same release throws the compile cache or shipped precompiled revisions away.
     */
    public static String buildId() { return BUILD_ID; }

    /** The key of one script's entry; the parts are length-prefixed so no two lists of parts collide. */
    public static String key(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public Path entry(String key) { return dir.resolve(key.substring(0, 2)).resolve(key + ".classes"); }

    /** The entry for the key; empty when there is none or it is damaged (a damaged entry is deleted). */
    public Optional<CompiledScriptClasses> read(String key) {
        Path file = entry(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(bytes));
        } catch (IOException | RuntimeException e) {
            discard(key);
            return Optional.empty();
        }
    }

    /** Stores an entry; a cache that cannot be written only costs a recompile next time, so failures are ignored. */
    public void write(String key, CompiledScriptClasses compiled) {
        try {
            writeAtomically(entry(key), key, encode(compiled));
        } catch (IOException e) {
            // Not encodable: the next run compiles again.
        }
    }

    /** Where the operations a script recorded are kept, beside its classes and under the same key. */
    public Path recordingEntry(String key) { return dir.resolve(key.substring(0, 2)).resolve(key + ".ops"); }

    /** What the script of this key recorded, as {@link #writeRecording} stored it; empty when none or damaged (then deleted). */
    public Optional<byte[]> readRecording(String key) {
        Path file = recordingEntry(key);
        byte[] whole;
        try {
            whole = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        int bodyLength = whole.length - DIGEST_LENGTH;
        if (bodyLength < RECORDING_MAGIC.length || !Arrays.equals(Arrays.copyOf(whole, RECORDING_MAGIC.length), RECORDING_MAGIC)
                || !MessageDigest.isEqual(Arrays.copyOfRange(whole, bodyLength, whole.length), digestOf(whole, bodyLength))) {
            discardRecording(key);
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(whole, RECORDING_MAGIC.length, bodyLength));
    }

    /** Stores a recording, as {@link #write} stores classes: whole or not at all, failures ignored. */
    public void writeRecording(String key, byte[] recording) {
        byte[] body = new byte[RECORDING_MAGIC.length + recording.length];
        System.arraycopy(RECORDING_MAGIC, 0, body, 0, RECORDING_MAGIC.length);
        System.arraycopy(recording, 0, body, RECORDING_MAGIC.length, recording.length);
        byte[] whole = Arrays.copyOf(body, body.length + DIGEST_LENGTH);
        System.arraycopy(digestOf(body, body.length), 0, whole, body.length, DIGEST_LENGTH);
        writeAtomically(recordingEntry(key), key, whole);
    }

    public void discardRecording(String key) {
        try { Files.deleteIfExists(recordingEntry(key)); } catch (IOException ignored) { /* the next write replaces it */ }
    }

    private static byte[] digestOf(byte[] bytes, int length) {
        MessageDigest sha = sha256();
        sha.update(bytes, 0, length);
        return sha.digest();
    }

    private static void writeAtomically(Path file, String key, byte[] bytes) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            if (temp != null) try { Files.deleteIfExists(temp); } catch (IOException ignored) { /* best effort */ }
        }
    }

    /** Removes an entry that turned out to be unusable (it failed to load). */
    public void discard(String key) {
        try { Files.deleteIfExists(entry(key)); } catch (IOException ignored) { /* the next write replaces it */ }
    }

    static byte[] encode(CompiledScriptClasses compiled) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeUTF(compiled.mainClass());
            out.writeInt(compiled.classes().size());
            for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        byte[] body = buffer.toByteArray();
        byte[] whole = Arrays.copyOf(body, body.length + DIGEST_LENGTH);
        System.arraycopy(sha256().digest(body), 0, whole, body.length, DIGEST_LENGTH);
        return whole;
    }

    static CompiledScriptClasses decode(byte[] whole) throws IOException {
        if (whole.length < MAGIC.length + DIGEST_LENGTH) throw new IOException("truncated entry");
        int bodyLength = whole.length - DIGEST_LENGTH;
        byte[] expected = Arrays.copyOfRange(whole, bodyLength, whole.length);
        MessageDigest sha = sha256();
        sha.update(whole, 0, bodyLength);
        if (!MessageDigest.isEqual(expected, sha.digest())) throw new IOException("checksum mismatch");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(whole, 0, bodyLength))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) throw new IOException("not a compiled-script entry");
            String main = in.readUTF();
            int count = in.readInt();
            if (count < 1 || count > 100_000) throw new IOException("bad class count " + count);
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > bodyLength) throw new IOException("bad class length");
                classes.put(name, in.readNBytes(length));
            }
            return new CompiledScriptClasses(main, classes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String readBuildId() {
        Properties p = new Properties();
        try (InputStream in = ScriptCompileCache.class.getResourceAsStream("/dev/retort/dsl/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // Without a build id entries still key on the compiler version; a development build may then reuse them.
        }
        return p.getProperty("version", "unknown") + "+" + p.getProperty("classes", "unknown");
    }
}
