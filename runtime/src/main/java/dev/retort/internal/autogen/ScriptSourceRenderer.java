package dev.retort.internal.autogen;

import dev.retort.dsl.op.AlterColumn;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.OperationVisitor;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every language's renderer writes alike: which options a column or a change states, in which order, and how
 * blocks are spaced. A language supplies only its syntax: literals, lists, named options, and each operation as
 * source through its {@link OperationVisitor} methods: {@code visitCreateTable} a table block, indented and ending
 * with a newline; every other method one statement, without indentation or newline.
 */
abstract class ScriptSourceRenderer implements SourceRenderer, OperationVisitor<String> {
    static final String INDENT = "    ";

    /** A named option as the language writes it: {@code name: value} or {@code name = value}. */
    abstract String option(String name, String value);

    /** A string literal that nothing is interpolated in. */
    abstract String str(String s);

    /** A list of names. */
    abstract String list(List<String> items);

    /** A literal default value (string, number, boolean). */
    abstract String literal(Object value);

    @Override public final String render(List<Operation> operations) {
        List<String> pieces = operations.stream().map(op -> op.accept(this)).toList();
        StringBuilder sb = new StringBuilder(INDENT).append("// ").append(MARKER).append('\n');
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            // A table block stands apart from its neighbours, as people space them.
            if (isBlock(piece) && i > 0) sb.append('\n');
            sb.append(isBlock(piece) ? piece : INDENT + piece + '\n');
            if (isBlock(piece) && i < pieces.size() - 1 && !isBlock(pieces.get(i + 1))) sb.append('\n');
        }
        return sb.toString();
    }

    /** A table block ends its own lines; a statement is one line without its newline. */
    private static boolean isBlock(String piece) { return piece.endsWith("\n"); }

    /** For the operations a revision states by hand and autogenerate never finds by comparing schemas. */
    final IllegalArgumentException notWritten(Operation op) {
        return new IllegalArgumentException("autogenerate does not write " + op.describe());
    }

    /** A column's options after its type: {@code ", nullable: false, default: 0"}, or nothing. */
    final String columnOptions(Column c) {
        List<String> o = new ArrayList<>();
        if (c.primaryKey()) o.add(option("primaryKey", "true"));
        if (c.autoIncrement()) o.add(option("autoIncrement", "true"));
        if (!c.nullable() && !c.primaryKey()) o.add(option("nullable", "false"));
        if (c.unique()) o.add(option("unique", "true"));
        if (c.defaultValue() != null) o.add(option("default", defaultValue(c.defaultValue())));
        if (c.references() != null) {
            o.add(option("references", str(c.references().table() + "." + c.references().column())));
            if (c.references().onDelete() != null) o.add(option("onDelete", str(c.references().onDelete())));
            if (c.references().onUpdate() != null) o.add(option("onUpdate", str(c.references().onUpdate())));
        }
        if (c.comment() != null) o.add(option("comment", str(c.comment())));
        return o.isEmpty() ? "" : ", " + String.join(", ", o);
    }

    /** An alterColumn's options: what changes, then what the column was (MySQL restates it; it keeps the step reversible). */
    final String alterOptions(AlterColumn a) {
        List<String> o = new ArrayList<>();
        if (a.type() != null) o.add(option("type", type(a.type())));
        if (a.nullable() != null) o.add(option("nullable", a.nullable().toString()));
        if (a.defaultChanged()) o.add(option("default", a.newDefault() == null ? "null" : defaultValue(a.newDefault())));
        if (a.commentChanged()) o.add(option("comment", str(a.comment())));
        if (a.newName() != null) o.add(option("newName", str(a.newName())));
        if (a.existingType() != null) o.add(option("existingType", type(a.existingType())));
        if (a.existingNullable() != null) o.add(option("existingNullable", a.existingNullable().toString()));
        if (a.existingDefault() != null) o.add(option("existingDefault", defaultValue(a.existingDefault())));
        if (a.commentChanged() && a.existingComment() != null) o.add(option("existingComment", str(a.existingComment())));
        if (a.using() != null) o.add(option("using", str(a.using())));
        return String.join(", ", o);
    }

    /** {@code ", name: true"} when a boolean option is set, or nothing. */
    final String flag(String name, boolean set) { return set ? ", " + option(name, "true") : ""; }

    /** Referential actions as trailing options, or nothing. */
    final String actions(String onDelete, String onUpdate) {
        return (onDelete == null ? "" : ", " + option("onDelete", str(onDelete)))
                + (onUpdate == null ? "" : ", " + option("onUpdate", str(onUpdate)));
    }

    final String type(ColumnType t) {
        return switch (t.kind()) {
            case RAW -> "sqlType(" + str(t.rawSql()) + ")";
            case ENUM -> "enumOf(" + t.enumValues().stream().map(this::str).collect(Collectors.joining(", ")) + ")";
            default -> t.dslName();
        };
    }

    final String defaultValue(ColumnDefault d) {
        if (d instanceof ColumnDefault.CurrentTimestamp) return "now()";
        if (d instanceof ColumnDefault.Expression e) return "sqlExpr(" + str(e.sql()) + ")";
        return literal(((ColumnDefault.Literal) d).value());
    }
}
