package dev.retort.internal.script;

import dev.retort.dsl.op.SqlFileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The SQL files of one revision: {@code sqlFile('sql/V1__init.sql')} is read relative to the folder holding the
 * revision's script (an absolute path as it is), so a project can be run from any working directory.
 */
record RevisionSqlFiles(Path revisionFile) implements SqlFileSource {

    @Override public String read(String path) {
        Path folder = revisionFile.toAbsolutePath().getParent();
        Path file = folder.resolve(path).normalize();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("sqlFile '" + path + "': there is no file " + file + " (sqlFile paths are relative "
                    + "to the revision's folder, " + folder + "); fix the path or restore the file");
        } catch (IOException e) {
            throw new IllegalArgumentException("sqlFile '" + path + "': cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
