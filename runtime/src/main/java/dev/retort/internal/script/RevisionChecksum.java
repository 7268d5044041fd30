package dev.retort.internal.script;

import dev.retort.dsl.op.SqlFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum recorded for an applied revision: its script's ({@link ScriptChecksum}) when it reads no SQL file, so
 * history written before {@code sqlFile} existed stays valid; otherwise one SHA-256 over the script's text and each SQL
 * file it reads (path and text, line endings normalised), so that editing an applied revision's SQL file is seen by
 * {@code validate} as editing its script is.
 */
public final class RevisionChecksum {
    private RevisionChecksum() {}

    public static String of(Path script, List<SqlFile> sqlFiles) {
        String scriptSum = ScriptChecksum.of(script);
        if (sqlFiles.isEmpty()) return scriptSum;
        MessageDigest md = ScriptChecksum.digest();
        update(md, scriptSum);
        for (SqlFile f : sqlFiles) {
            update(md, f.path());
            update(md, f.text().replace("\r\n", "\n").replace('\r', '\n'));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String text) {
        md.update(text.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }
}
