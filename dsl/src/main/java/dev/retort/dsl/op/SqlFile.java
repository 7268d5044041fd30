package dev.retort.dsl.op;

import java.util.Optional;

/**
 * The statements of an SQL file, read when the revision is recorded (so offline {@code --sql} needs the file, not a
 * database) and cut into statements by the target dialect's {@link dev.retort.dsl.dialect.StatementSplitter}.
 *
 * @param path the file as the revision names it, relative to the revision's folder
 * @param text the file's contents
 */
public record SqlFile(String path, String text) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitSqlFile(this); }
    @Override public String describe() { return "sqlFile " + path; }
}
