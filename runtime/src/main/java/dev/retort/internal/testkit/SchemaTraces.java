package dev.retort.internal.testkit;

import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import dev.retort.internal.database.SchemaReflector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a downgrade left different from the schema before its upgrade: both sides are read from the same database, so
 * any difference in tables, columns (type, nullability, default, identity, comment), keys, indexes or constraints is
 * a trace. Column order is not compared (a column put back by a downgrade comes last), and names the database made
 * up for unnamed constraints are not either (a rebuilt table gets new ones), only what those constraints hold.
 */
final class SchemaTraces {
    /** One trace: a short phrase for the headline ({@code left index ix_a on t}) and the same with its columns. */
    record Trace(String summary, String detail) {}

    private final SchemaReflector family;
    private final List<Trace> out = new ArrayList<>();

    private SchemaTraces(SchemaReflector family) { this.family = family; }

    /** The traces, in table order; empty when the two schemas agree. */
    static List<Trace> between(SchemaModel before, SchemaModel after, SchemaReflector family) {
        SchemaTraces t = new SchemaTraces(family);
        t.compare(before, after);
        return List.copyOf(t.out);
    }

    private void compare(SchemaModel before, SchemaModel after) {
        for (TableModel a : after.tables())
            if (before.table(a.name()).isEmpty()) add("left table " + a.name(), "left table " + a.name() + " " + columns(a));
        for (TableModel b : before.tables()) {
            var a = after.table(b.name());
            if (a.isEmpty()) add("dropped table " + b.name(), "dropped table " + b.name() + ", which was there before the upgrade");
            else compareTable(b, a.get());
        }
    }

    private void compareTable(TableModel b, TableModel a) {
        String t = b.name();
        sides(b.columns(), a.columns(), c -> TableModel.key(c.name()),
                left -> add("left column " + t + "." + left.name(), "left column " + t + "." + left.name() + " " + left.type()),
                gone -> add("dropped column " + t + "." + gone.name(), "dropped column " + t + "." + gone.name() + " " + gone.type()),
                (was, now) -> compareColumn(t, was, now));
        List<String> pkBefore = b.primaryKey() == null ? List.of() : keys(b.primaryKey().columns());
        List<String> pkAfter = a.primaryKey() == null ? List.of() : keys(a.primaryKey().columns());
        if (!pkBefore.equals(pkAfter))
            add("changed the primary key of " + t, "changed the primary key of " + t + ": " + cols(pkBefore) + " -> " + cols(pkAfter));
        sides(b.indexes(), a.indexes(), i -> TableModel.key(i.name()),
                left -> add("left index " + left.name() + " on " + t, "left " + index(left) + " on " + t + " " + cols(left.columns())),
                gone -> add("dropped index " + gone.name() + " on " + t, "dropped " + index(gone) + " on " + t + " " + cols(gone.columns())),
                (was, now) -> {
                    if (!keys(was.columns()).equals(keys(now.columns())) || was.unique() != now.unique())
                        add("changed index " + was.name() + " on " + t, "changed index " + was.name() + " on " + t + ": "
                                + index(was) + " " + cols(was.columns()) + " -> " + index(now) + " " + cols(now.columns()));
                });
        sides(b.uniques(), a.uniques(), u -> identity(t, u.name(), keys(u.columns()).toString()),
                left -> add("left unique constraint " + named(t, left.name()) + "on " + t, "left unique constraint " + named(t, left.name())
                        + "on " + t + " " + cols(left.columns())),
                gone -> add("dropped unique constraint " + named(t, gone.name()) + "on " + t, "dropped unique constraint "
                        + named(t, gone.name()) + "on " + t + " " + cols(gone.columns())),
                (was, now) -> {
                    if (!keys(was.columns()).equals(keys(now.columns())))
                        add("changed unique constraint " + was.name() + " on " + t, "changed unique constraint " + was.name() + " on " + t
                                + ": " + cols(was.columns()) + " -> " + cols(now.columns()));
                });
        sides(b.foreignKeys(), a.foreignKeys(), fk -> identity(t, fk.name(), foreignKey(fk)),
                left -> add("left foreign key " + named(t, left.name()) + "on " + t, "left foreign key " + named(t, left.name()) + "on " + t
                        + " " + foreignKey(left)),
                gone -> add("dropped foreign key " + named(t, gone.name()) + "on " + t, "dropped foreign key " + named(t, gone.name())
                        + "on " + t + " " + foreignKey(gone)),
                (was, now) -> {
                    if (!foreignKey(was).equals(foreignKey(now)))
                        add("changed foreign key " + was.name() + " on " + t, "changed foreign key " + was.name() + " on " + t + ": "
                                + foreignKey(was) + " -> " + foreignKey(now));
                });
        sides(b.checks(), a.checks(), ch -> identity(t, ch.name(), ch.sql()),
                left -> add("left check constraint " + named(t, left.name()) + "on " + t, "left check constraint " + named(t, left.name())
                        + "on " + t + " (" + left.sql() + ")"),
                gone -> add("dropped check constraint " + named(t, gone.name()) + "on " + t, "dropped check constraint "
                        + named(t, gone.name()) + "on " + t + " (" + gone.sql() + ")"),
                (was, now) -> {
                    if (!Objects.equals(was.sql(), now.sql()))
                        add("changed check constraint " + was.name() + " on " + t, "changed check constraint " + was.name() + " on " + t
                                + ": (" + was.sql() + ") -> (" + now.sql() + ")");
                });
        if (!Objects.equals(b.comment(), a.comment()))
            add("changed the comment of table " + t, "changed the comment of table " + t + ": " + quoted(b.comment()) + " -> " + quoted(a.comment()));
    }

    private void compareColumn(String table, Column was, Column now) {
        List<String> what = new ArrayList<>();
        if (!was.type().equals(now.type())) what.add("type " + was.type() + " -> " + now.type());
        if (was.nullable() != now.nullable()) what.add(now.nullable() ? "not null -> nullable" : "nullable -> not null");
        if (!Objects.equals(was.defaultValue(), now.defaultValue()))
            what.add("default " + describe(was.defaultValue()) + " -> " + describe(now.defaultValue()));
        if (was.autoIncrement() != now.autoIncrement()) what.add(now.autoIncrement() ? "became auto-increment" : "lost auto-increment");
        if (!Objects.equals(was.comment(), now.comment())) what.add("comment " + quoted(was.comment()) + " -> " + quoted(now.comment()));
        if (!what.isEmpty())
            add("changed column " + table + "." + was.name(), "changed column " + table + "." + was.name() + ": " + String.join(", ", what));
    }

    // ---- pairing ----------------------------------------------------------------------------------

    /** Pairs the items of both sides by identity: calls {@code left} for those only after, {@code gone} for those only before. */
    private static <T> void sides(List<T> before, List<T> after, Function<T, String> identity, java.util.function.Consumer<T> left,
                                  java.util.function.Consumer<T> gone, java.util.function.BiConsumer<T, T> both) {
        Map<String, T> was = new LinkedHashMap<>();
        before.forEach(x -> was.putIfAbsent(identity.apply(x), x));
        Map<String, T> now = new LinkedHashMap<>();
        after.forEach(x -> now.putIfAbsent(identity.apply(x), x));
        now.forEach((id, x) -> { if (!was.containsKey(id)) left.accept(x); });
        was.forEach((id, x) -> {
            if (!now.containsKey(id)) gone.accept(x);
            else both.accept(x, now.get(id));
        });
    }

    /** A constraint is known by its name, unless the database made the name up: then by what it holds. */
    private String identity(String table, String name, String content) {
        return family.isGeneratedName(table, name) ? "=" + content : TableModel.key(name);
    }

    private String named(String table, String name) { return family.isGeneratedName(table, name) ? "" : name + " "; }

    // ---- wording ----------------------------------------------------------------------------------

    private void add(String summary, String detail) { out.add(new Trace(summary, detail)); }

    private static String index(IndexDef i) { return (i.unique() ? "unique index " : "index ") + i.name(); }

    private static String columns(TableModel t) { return cols(t.columns().stream().map(Column::name).toList()); }

    private static String cols(List<String> names) { return "(" + String.join(", ", names) + ")"; }

    private static List<String> keys(List<String> names) { return names.stream().map(TableModel::key).toList(); }

    private static String foreignKey(TableConstraint.ForeignKey fk) {
        return cols(keys(fk.columns())) + " -> " + TableModel.key(fk.refTable()) + " " + cols(keys(fk.refColumns()))
                + (fk.onDelete() == null ? "" : " on delete " + fk.onDelete()) + (fk.onUpdate() == null ? "" : " on update " + fk.onUpdate());
    }

    private static String describe(ColumnDefault d) {
        if (d == null) return "none";
        if (d instanceof ColumnDefault.CurrentTimestamp) return "now()";
        if (d instanceof ColumnDefault.Expression e) return e.sql();
        Object v = ((ColumnDefault.Literal) d).value();
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String quoted(String s) { return s == null ? "none" : "'" + s + "'"; }
}
