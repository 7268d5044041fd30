package dev.retort.internal.autogen;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.internal.script.ScriptLanguage;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Operations as the Groovy a person would write in a revision: command syntax, named options last. */
public final class GroovySourceRenderer extends ScriptSourceRenderer {

    @Override public ScriptLanguage language() { return ScriptLanguage.GROOVY; }

    @Override public String visitDropTable(DropTable o) { return "dropTable " + str(o.name()); }
    @Override public String visitRenameTable(RenameTable o) { return "renameTable " + str(o.oldName()) + ", " + str(o.newName()); }

    @Override public String visitAddColumn(AddColumn o) {
        return "addColumn " + str(o.table()) + ", " + str(o.column().name()) + ", " + type(o.column().type()) + columnOptions(o.column());
    }

    @Override public String visitDropColumn(DropColumn o) { return "dropColumn " + str(o.table()) + ", " + str(o.name()); }
    @Override public String visitAlterColumn(AlterColumn o) { return "alterColumn " + str(o.table()) + ", " + str(o.name()) + ", " + alterOptions(o); }

    @Override public String visitRenameColumn(RenameColumn o) {
        return "renameColumn " + str(o.table()) + ", " + str(o.oldName()) + ", " + str(o.newName());
    }

    @Override public String visitCreateIndex(CreateIndex o) {
        return "createIndex " + str(o.name()) + ", " + str(o.table()) + ", " + list(o.columns()) + flag("unique", o.unique())
                + (o.where() == null ? "" : ", " + option("where", str(o.where()))) + flag("concurrently", o.concurrently());
    }

    @Override public String visitDropIndex(DropIndex o) {
        return "dropIndex " + str(o.name()) + (o.table() == null ? "" : ", table: " + str(o.table())) + flag("concurrently", o.concurrently());
    }

    @Override public String visitCreateUniqueConstraint(CreateUniqueConstraint o) {
        return "createUniqueConstraint " + str(o.name()) + ", " + str(o.table()) + ", " + list(o.columns());
    }

    @Override public String visitCreatePrimaryKey(CreatePrimaryKey o) {
        return "createPrimaryKey " + str(o.name()) + ", " + str(o.table()) + ", " + list(o.columns());
    }

    @Override public String visitCreateCheckConstraint(CreateCheckConstraint o) {
        return "createCheckConstraint " + str(o.name()) + ", " + str(o.table()) + ", " + str(o.sql()) + flag("notValid", o.notValid());
    }

    @Override public String visitCreateForeignKey(CreateForeignKey o) {
        return "createForeignKey " + str(o.name()) + ", " + str(o.table()) + ", " + str(o.refTable())
                + ", " + list(o.columns()) + ", " + list(o.refColumns()) + actions(o.onDelete(), o.onUpdate()) + flag("notValid", o.notValid());
    }

    @Override public String visitValidateConstraint(ValidateConstraint o) { return "validateConstraint " + str(o.name()) + ", " + str(o.table()); }

    @Override public String visitDropConstraint(DropConstraint o) {
        return "dropConstraint " + str(o.name()) + ", " + str(o.table()) + (o.type() == null ? "" : ", type: " + str(o.type().dslName()));
    }

    @Override public String visitTableComment(TableComment o) {
        return "tableComment " + str(o.table()) + ", " + str(o.comment())
                + (o.existingComment() == null ? "" : ", existingComment: " + str(o.existingComment()));
    }

    @Override public String visitInsert(Insert o) {
        return "insert " + str(o.table()) + ", " + o.rows().stream().map(r -> r.entrySet().stream()
                .map(e -> str(e.getKey()) + ": " + (e.getValue() == null ? "null" : literal(e.getValue())))
                .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override public String visitExecuteSql(ExecuteSql o) { return "execute " + str(o.sql()) + (o.dialect() == null ? "" : ", dialect: " + str(o.dialect())); }

    @Override public String visitOnDialect(OnDialect o) { throw notWritten(o); }
    @Override public String visitRunWithConnection(RunWithConnection o) { throw notWritten(o); }
    @Override public String visitAutocommit(Autocommit o) { throw notWritten(o); }

    @Override public String visitCreateTable(CreateTable t) {
        StringBuilder sb = new StringBuilder(INDENT).append("createTable(").append(str(t.name()));
        if (t.comment() != null) sb.append(", comment: ").append(str(t.comment()));
        sb.append(") {\n");
        String inner = INDENT + INDENT;
        for (Column c : t.columns())
            sb.append(inner).append("column ").append(str(c.name())).append(", ").append(type(c.type())).append(columnOptions(c)).append('\n');
        for (TableConstraint tc : t.constraints()) sb.append(inner).append(constraint(tc)).append('\n');
        for (IndexDef ix : t.indexes())
            sb.append(inner).append("index ").append(str(ix.name())).append(", ").append(list(ix.columns()))
                    .append(ix.unique() ? ", unique: true" : "").append('\n');
        return sb.append(INDENT).append("}\n").toString();
    }

    /** Lists come first in some constraints, where Groovy's command syntax would read {@code x [..]} as indexing: use parentheses. */
    private String constraint(TableConstraint tc) {
        if (tc instanceof TableConstraint.PrimaryKey p)
            return p.name() == null ? "primaryKey(" + list(p.columns()) + ")" : "primaryKey " + str(p.name()) + ", " + list(p.columns());
        if (tc instanceof TableConstraint.Unique u)
            return u.name() == null ? "unique(" + list(u.columns()) + ")" : "unique " + str(u.name()) + ", " + list(u.columns());
        if (tc instanceof TableConstraint.ForeignKey f) {
            String args = list(f.columns()) + ", " + str(f.refTable()) + ", " + list(f.refColumns()) + actions(f.onDelete(), f.onUpdate());
            return f.name() == null ? "foreignKey(" + args + ")" : "foreignKey " + str(f.name()) + ", " + args;
        }
        TableConstraint.Check ch = (TableConstraint.Check) tc;
        return "check " + str(ch.name()) + ", " + str(ch.sql());
    }

    @Override String option(String name, String value) { return name + ": " + value; }

    @Override String literal(Object v) {
        if (v instanceof BigDecimal b) return b.toPlainString();
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        return str(v.toString());
    }

    @Override String list(List<String> items) {
        return items.stream().map(this::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A single-quoted Groovy string; no interpolation happens inside single quotes. */
    @Override String str(String s) {
        if (s == null) return "null";
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
