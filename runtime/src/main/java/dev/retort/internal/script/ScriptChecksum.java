package dev.retort.internal.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded for a revision's file: SHA-256 of its bytes with line endings normalised to LF, so a
 * checkout on Windows (CRLF) and on Linux agree while any other edit changes it.
 */
public final class ScriptChecksum {
    private ScriptChecksum() {}

    public static String of(Path file) {
        try {
            return ofText(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScriptException(file, 0, "cannot read to compute its checksum: " + e.getMessage(), e);
        }
    }

    public static String ofText(String text) {
        return sha256(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
