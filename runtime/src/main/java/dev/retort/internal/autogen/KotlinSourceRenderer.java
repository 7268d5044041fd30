package dev.retort.internal.autogen;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.internal.script.ScriptLanguage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Operations as the Kotlin a person would write in a revision: calls with the required arguments in order, options
 * as named arguments, {@code listOf(…)} for column lists and {@code mapOf(… to …)} for rows.
 */
public final class KotlinSourceRenderer extends ScriptSourceRenderer {

    @Override public ScriptLanguage language() { return ScriptLanguage.KOTLIN; }

    @Override public String visitDropTable(DropTable o) { return "dropTable(" + str(o.name()) + ")"; }
    @Override public String visitRenameTable(RenameTable o) { return "renameTable(" + str(o.oldName()) + ", " + str(o.newName()) + ")"; }

    @Override public String visitAddColumn(AddColumn o) {
        return "addColumn(" + str(o.table()) + ", " + str(o.column().name()) + ", " + type(o.column().type()) + columnOptions(o.column()) + ")";
    }

    @Override public String visitDropColumn(DropColumn o) { return "dropColumn(" + str(o.table()) + ", " + str(o.name()) + ")"; }

    @Override public String visitAlterColumn(AlterColumn o) {
        return "alterColumn(" + str(o.table()) + ", " + str(o.name()) + ", " + alterOptions(o) + ")";
    }

    @Override public String visitRenameColumn(RenameColumn o) {
        return "renameColumn(" + str(o.table()) + ", " + str(o.oldName()) + ", " + str(o.newName()) + ")";
    }

    @Override public String visitCreateIndex(CreateIndex o) {
        return "createIndex(" + str(o.name()) + ", " + str(o.table()) + ", " + list(o.columns()) + flag("unique", o.unique())
                + (o.where() == null ? "" : ", " + option("where", str(o.where()))) + flag("concurrently", o.concurrently()) + ")";
    }

    @Override public String visitDropIndex(DropIndex o) {
        return "dropIndex(" + str(o.name()) + (o.table() == null ? "" : ", table = " + str(o.table())) + flag("concurrently", o.concurrently()) + ")";
    }

    @Override public String visitCreateUniqueConstraint(CreateUniqueConstraint o) {
        return "createUniqueConstraint(" + str(o.name()) + ", " + str(o.table()) + ", " + list(o.columns()) + ")";
    }

    @Override public String visitCreatePrimaryKey(CreatePrimaryKey o) {
        return "createPrimaryKey(" + str(o.name()) + ", " + str(o.table()) + ", " + list(o.columns()) + ")";
    }

    @Override public String visitCreateCheckConstraint(CreateCheckConstraint o) {
        return "createCheckConstraint(" + str(o.name()) + ", " + str(o.table()) + ", " + str(o.sql()) + flag("notValid", o.notValid()) + ")";
    }

    @Override public String visitCreateForeignKey(CreateForeignKey o) {
        return "createForeignKey(" + str(o.name()) + ", " + str(o.table()) + ", " + str(o.refTable())
                + ", " + list(o.columns()) + ", " + list(o.refColumns()) + actions(o.onDelete(), o.onUpdate()) + flag("notValid", o.notValid()) + ")";
    }

    @Override public String visitValidateConstraint(ValidateConstraint o) { return "validateConstraint(" + str(o.name()) + ", " + str(o.table()) + ")"; }

    @Override public String visitDropConstraint(DropConstraint o) {
        return "dropConstraint(" + str(o.name()) + ", " + str(o.table()) + (o.type() == null ? "" : ", type = " + str(o.type().dslName())) + ")";
    }

    @Override public String visitTableComment(TableComment o) {
        return "tableComment(" + str(o.table()) + ", " + str(o.comment())
                + (o.existingComment() == null ? "" : ", existingComment = " + str(o.existingComment())) + ")";
    }

    @Override public String visitInsert(Insert o) { return "insert(" + str(o.table()) + ", " + rows(o.rows()) + ")"; }

    @Override public String visitExecuteSql(ExecuteSql o) {
        return "execute(" + str(o.sql()) + (o.dialect() == null ? "" : ", dialect = " + str(o.dialect())) + ")";
    }

    @Override public String visitOnDialect(OnDialect o) { throw notWritten(o); }
    @Override public String visitRunWithConnection(RunWithConnection o) { throw notWritten(o); }
    @Override public String visitAutocommit(Autocommit o) { throw notWritten(o); }

    @Override public String visitCreateTable(CreateTable t) {
        StringBuilder sb = new StringBuilder(INDENT).append("createTable(").append(str(t.name()));
        if (t.comment() != null) sb.append(", comment = ").append(str(t.comment()));
        sb.append(") {\n");
        String inner = INDENT + INDENT;
        for (Column c : t.columns())
            sb.append(inner).append("column(").append(str(c.name())).append(", ").append(type(c.type())).append(columnOptions(c)).append(")\n");
        for (TableConstraint tc : t.constraints()) sb.append(inner).append(constraint(tc)).append('\n');
        for (IndexDef ix : t.indexes())
            sb.append(inner).append("index(").append(str(ix.name())).append(", ").append(list(ix.columns()))
                    .append(ix.unique() ? ", unique = true" : "").append(")\n");
        return sb.append(INDENT).append("}\n").toString();
    }

    private String constraint(TableConstraint tc) {
        if (tc instanceof TableConstraint.PrimaryKey p) return "primaryKey(" + named(p.name()) + list(p.columns()) + ")";
        if (tc instanceof TableConstraint.Unique u) return "unique(" + named(u.name()) + list(u.columns()) + ")";
        if (tc instanceof TableConstraint.ForeignKey f)
            return "foreignKey(" + named(f.name()) + list(f.columns()) + ", " + str(f.refTable()) + ", " + list(f.refColumns())
                    + actions(f.onDelete(), f.onUpdate()) + ")";
        TableConstraint.Check ch = (TableConstraint.Check) tc;
        return "check(" + str(ch.name()) + ", " + str(ch.sql()) + ")";
    }

    /** A constraint's name as its first argument; unnamed constraints use the overload without one. */
    private String named(String name) { return name == null ? "" : str(name) + ", "; }

    @Override String option(String name, String value) { return name + " = " + value; }

    @Override String literal(Object v) { return value(v); }

    /** A value as a Kotlin literal of a type that keeps it exactly. */
    private String value(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return str(s);
        if (v instanceof Boolean || v instanceof Integer || v instanceof Short || v instanceof Byte) return v.toString();
        if (v instanceof Long l) return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? l.toString() : l + "L";
        if (v instanceof Double x && Double.isFinite(x)) return x.toString();
        if (v instanceof Float x && Float.isFinite(x)) return x + "f";
        if (v instanceof BigDecimal b) {
            // A plain number reads best; it must keep the value exactly as an Int, Long or Double literal.
            if (b.scale() <= 0) {
                try {
                    return value(b.longValueExact());
                } catch (ArithmeticException tooLarge) {
                    return str(b.toPlainString()) + ".toBigDecimal()";
                }
            }
            double x = b.doubleValue();
            return Double.isFinite(x) && new BigDecimal(Double.toString(x)).compareTo(b) == 0 ? b.toPlainString()
                    : str(b.toPlainString()) + ".toBigDecimal()";
        }
        if (v instanceof java.math.BigInteger b) return value(new BigDecimal(b));
        throw new IllegalArgumentException("autogenerate cannot write a " + v.getClass().getSimpleName() + " value (" + v + ") as Kotlin");
    }

    private String rows(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.entrySet().stream().map(e -> str(e.getKey()) + " to " + value(e.getValue()))
                .collect(Collectors.joining(", ", "mapOf(", ")"))).collect(Collectors.joining(", ", "listOf(", ")"));
    }

    @Override String list(List<String> items) {
        return items.stream().map(this::str).collect(Collectors.joining(", ", "listOf(", ")"));
    }

    /** A Kotlin string literal; {@code $} is escaped so nothing is interpolated. */
    @Override String str(String s) {
        if (s == null) return "null";
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }
}
