package dev.retort.internal.autogen;

import dev.retort.internal.database.DefaultValues;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.ForeignKeyRef;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import dev.retort.dsl.type.ColumnType;
import dev.retort.internal.naming.NamingConvention;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the target model with the reflected database and lists the differences as operations, in an order that
 * runs: foreign keys and indexes go before what they depend on is dropped, tables are created in the order their
 * foreign keys need, and new foreign keys come after every table exists. Each difference carries its own inverse,
 * with dropped tables and columns restated in full, so the downgrade is the upgrade reversed.
 */
public final class SchemaComparator {
    /** The groups a difference falls into, in the order the upgrade runs them. */
    private enum Phase { DROP_FOREIGN_KEY, DROP_CONSTRAINT, CREATE_TABLE, ADD_COLUMN, ALTER_COLUMN, DROP_COLUMN,
        ADD_CONSTRAINT, ADD_FOREIGN_KEY, DROP_TABLE, COMMENT }

    /** What a comparison may take as equal, which depends on where the "database" side comes from. */
    public interface Rules {
        boolean sameType(ColumnType model, ColumnType database);
        /** A constraint name the database made up, left out when a dropped table is written back. */
        boolean isGeneratedName(String table, String name);
        boolean comparesChecks();
        boolean comparesComments();

        /** A database read back by a reflector: types equal when its dialect renders them alike, made-up names recognised. */
        static Rules reflected(SchemaReflector family) {
            return new Rules() {
                @Override public boolean sameType(ColumnType model, ColumnType database) { return family.types().same(model, database); }
                @Override public boolean isGeneratedName(String table, String name) { return family.isGeneratedName(table, name); }
                @Override public boolean comparesChecks() { return family.reflectsChecks(); }
                @Override public boolean comparesComments() { return family.keepsComments(); }
            };
        }

        /** Two schemas both declared by scripts (squash): every stated fact counts, exactly as written. */
        Rules DECLARED = new Rules() {
            @Override public boolean sameType(ColumnType model, ColumnType database) { return model.equals(database); }
            @Override public boolean isGeneratedName(String table, String name) { return false; }
            @Override public boolean comparesChecks() { return true; }
            @Override public boolean comparesComments() { return true; }
        };
    }

    private final Rules family;
    /** Names what the model leaves unnamed, as running the generated script will; NONE: Retort's own fallback names. */
    private final NamingConvention naming;
    private final Map<Phase, List<Difference>> out = new EnumMap<>(Phase.class);

    private SchemaComparator(Rules family, NamingConvention naming) {
        this.family = family;
        this.naming = naming;
        for (Phase p : Phase.values()) out.put(p, new ArrayList<>());
    }

    /** The differences that turn {@code database} into {@code model}, in upgrade order. */
    public static List<Difference> compare(SchemaModel model, SchemaModel database, SchemaReflector family) {
        return compare(model, database, Rules.reflected(family), NamingConvention.NONE);
    }

    public static List<Difference> compare(SchemaModel model, SchemaModel database, Rules rules) {
        return compare(model, database, rules, NamingConvention.NONE);
    }

    /**
     * With a naming convention, a constraint the model leaves unnamed and adds to an existing table is stated with the
     * convention's name (what the run would give it anyway), a table written back for a downgrade leaves out the names
     * the convention gives, and the model's checks are compared by the names the convention turns them into.
     */
    public static List<Difference> compare(SchemaModel model, SchemaModel database, Rules rules, NamingConvention naming) {
        SchemaComparator c = new SchemaComparator(rules, naming);
        c.run(model, database);
        return c.out.values().stream().flatMap(List::stream).toList();
    }

    private void run(SchemaModel model, SchemaModel database) {
        List<TableModel> added = model.tables().stream().filter(t -> database.table(t.name()).isEmpty()).toList();
        createTables(added);
        for (TableModel m : model.tables())
            database.table(m.name()).ifPresent(d -> compareTable(m, d));
        List<TableModel> dropped = database.tables().stream().filter(t -> model.table(t.name()).isEmpty()).toList();
        dropTables(dropped);
    }

    // ---- whole tables -----------------------------------------------------------------------------

    private void createTables(List<TableModel> tables) {
        Set<String> created = new HashSet<>();
        Set<String> pending = tables.stream().map(t -> TableModel.key(t.name())).collect(Collectors.toSet());
        List<TableModel> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            // The first table whose foreign keys point only at existing or already created tables; in a cycle, the first.
            TableModel next = remaining.stream().filter(t -> t.foreignKeys().stream().allMatch(fk -> {
                String target = TableModel.key(fk.refTable());
                return !pending.contains(target) || created.contains(target) || target.equals(TableModel.key(t.name()));
            })).findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            String key = TableModel.key(next.name());
            List<TableConstraint.ForeignKey> later = next.foreignKeys().stream().filter(fk -> {
                String target = TableModel.key(fk.refTable());
                return pending.contains(target) && !created.contains(target) && !target.equals(key);
            }).toList();
            created.add(key);
            TableModel now = withForeignKeys(next, next.foreignKeys().stream().filter(fk -> !later.contains(fk)).toList());
            CreateTable op = createTable(now, false);
            add(Phase.CREATE_TABLE, "add_table", next.name(), "add table " + next.name(), op, op.inverse().orElseThrow());
            for (TableConstraint.ForeignKey fk : later) addForeignKey(next.name(), fk);
        }
    }

    private void dropTables(List<TableModel> tables) {
        // Drop a table before the tables it references, so their keys never dangle.
        List<TableModel> order = new ArrayList<>();
        List<TableModel> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            TableModel next = remaining.stream().filter(t -> remaining.stream().noneMatch(other -> other != t
                    && other.foreignKeys().stream().anyMatch(fk -> fk.refTable().equalsIgnoreCase(t.name()))))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            order.add(next);
        }
        for (TableModel t : order)
            add(Phase.DROP_TABLE, "remove_table", t.name(), "remove table " + t.name(),
                    new DropTable(null, t.name(), false), createTable(t, true));
    }

    private static TableModel withForeignKeys(TableModel t, List<TableConstraint.ForeignKey> fks) {
        return new TableModel(t.name(), t.columns(), t.primaryKey(), t.uniques(), fks, t.checks(), t.indexes(), t.comment());
    }

    /**
     * A table as a person would write it: a one-column key, unique or reference without a name goes on its column.
     * {@code reflected} drops the names the database made up, so the source reads as if written by hand.
     */
    private CreateTable createTable(TableModel t, boolean reflected) {
        TableConstraint.PrimaryKey pk = t.primaryKey() == null ? null
                : new TableConstraint.PrimaryKey(conventional(t.primaryKey().name(), reflected,
                        naming.name(NamingConvention.Kind.PK, t.name(), t.primaryKey().columns())) ? null
                        : name(t, t.primaryKey().name(), reflected), t.primaryKey().columns());
        boolean inlinePk = pk != null && pk.name() == null && pk.columns().size() == 1;
        List<TableConstraint> constraints = new ArrayList<>();
        if (pk != null && !inlinePk) constraints.add(pk);
        Set<String> inlineUnique = new HashSet<>();
        for (TableConstraint.Unique u : t.uniques()) {
            String n = conventional(u.name(), reflected, naming.name(NamingConvention.Kind.UQ, t.name(), u.columns())) ? null : name(t, u.name(), reflected);
            if (n == null && u.columns().size() == 1) inlineUnique.add(TableModel.key(u.columns().get(0)));
            else constraints.add(new TableConstraint.Unique(n, u.columns()));
        }
        Map<String, ForeignKeyRef> inlineRefs = new LinkedHashMap<>();
        for (TableConstraint.ForeignKey fk : t.foreignKeys()) {
            String n = conventional(fk.name(), reflected, naming.name(NamingConvention.Kind.FK, t.name(), fk.columns(), fk.refTable(),
                    fk.refColumns())) ? null : name(t, fk.name(), reflected);
            String col = TableModel.key(fk.columns().get(0));
            if (n == null && fk.columns().size() == 1 && !inlineRefs.containsKey(col))
                inlineRefs.put(col, new ForeignKeyRef(fk.refTable(), fk.refColumns().get(0), fk.onDelete(), fk.onUpdate()));
            else constraints.add(new TableConstraint.ForeignKey(n, fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate()));
        }
        constraints.addAll(t.checks());
        List<Column> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            String key = TableModel.key(c.name());
            boolean isPk = inlinePk && TableModel.key(pk.columns().get(0)).equals(key);
            columns.add(c.withNullable(c.nullable() && !isPk).withPrimaryKey(isPk).withUnique(inlineUnique.contains(key))
                    .withReferences(inlineRefs.get(key)));
        }
        return new CreateTable(null, t.name(), columns, constraints, t.indexes(), false, t.comment());
    }

    /** A name read back from the database that the convention would give anyway, so the written table can leave it out. */
    private static boolean conventional(String name, boolean reflected, Optional<String> byConvention) {
        return reflected && name != null && byConvention.map(name::equalsIgnoreCase).orElse(false);
    }

    private String name(TableModel t, String name, boolean reflected) {
        return reflected && family.isGeneratedName(t.name(), name) ? null : name;
    }

    // ---- one table on both sides ------------------------------------------------------------------

    private void compareTable(TableModel m, TableModel d) {
        String table = m.name();
        for (Column mc : m.columns()) {
            Optional<Column> dc = d.column(mc.name());
            if (dc.isEmpty()) {
                AddColumn op = new AddColumn(null, table, mc, false);
                add(Phase.ADD_COLUMN, "add_column", table, "add column " + table + "." + mc.name(), op, op.inverse().orElseThrow());
            } else compareColumn(table, mc, dc.get());
        }
        for (Column dc : d.columns())
            if (m.column(dc.name()).isEmpty())
                add(Phase.DROP_COLUMN, "remove_column", table, "remove column " + table + "." + dc.name(),
                        new DropColumn(null, table, dc.name(), false), new AddColumn(null, table, dc, false));
        comparePrimaryKey(m, d);
        compareUniques(m, d);
        compareIndexes(m, d);
        compareForeignKeys(m, d);
        if (family.comparesChecks()) compareChecks(m, d);
        if (family.comparesComments() && !Objects.equals(m.comment(), d.comment())) {
            TableComment op = new TableComment(null, table, m.comment(), d.comment());
            add(Phase.COMMENT, "table_comment", table, (m.comment() == null ? "remove comment of table " : "change comment of table ") + table,
                    op, op.inverse().orElseThrow());
        }
    }

    private void compareColumn(String table, Column m, Column d) {
        List<String> what = new ArrayList<>();
        boolean typeChanged = !family.sameType(m.type(), d.type());
        if (typeChanged) what.add("type " + d.type().dslName() + " -> " + m.type().dslName());
        boolean nullChanged = m.nullable() != d.nullable();
        if (nullChanged) what.add(m.nullable() ? "nullable" : "not null");
        var kind = m.type().kind();
        boolean defaultChanged = !Objects.equals(DefaultValues.canonical(m.defaultValue(), kind), DefaultValues.canonical(d.defaultValue(), kind));
        if (defaultChanged) what.add(m.defaultValue() == null ? "no default" : "default " + describe(m.defaultValue()));
        boolean commentChanged = family.comparesComments() && !Objects.equals(m.comment(), d.comment());
        if (commentChanged) what.add(m.comment() == null ? "no comment" : "comment");
        if (what.isEmpty()) return;
        AlterColumn op = AlterColumn.of(null, table, m.name())
                .withType(typeChanged ? m.type() : null)
                .withNullable(nullChanged ? m.nullable() : null)
                .withExistingType(d.type())
                .withExistingNullable(d.nullable())
                .withExistingDefault(d.defaultValue())
                .withExistingComment(d.comment());
        if (defaultChanged) op = op.withDefault(m.defaultValue());
        if (commentChanged) op = op.withComment(m.comment());
        add(Phase.ALTER_COLUMN, "modify_column", table, "change column " + table + "." + m.name() + ": " + String.join(", ", what),
                op, op.inverse().orElseThrow());
    }

    private static String describe(ColumnDefault d) {
        if (d instanceof ColumnDefault.CurrentTimestamp) return "now()";
        if (d instanceof ColumnDefault.Expression e) return e.sql();
        Object v = ((ColumnDefault.Literal) d).value();
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private void comparePrimaryKey(TableModel m, TableModel d) {
        List<String> mc = m.primaryKey() == null ? List.of() : keys(m.primaryKey().columns());
        List<String> dc = d.primaryKey() == null ? List.of() : keys(d.primaryKey().columns());
        if (mc.equals(dc)) return;
        String table = m.name();
        if (d.primaryKey() != null) {
            CreatePrimaryKey back = new CreatePrimaryKey(null, d.primaryKey().name(), table, d.primaryKey().columns());
            add(Phase.DROP_CONSTRAINT, "remove_pk", table, "remove primary key of " + table,
                    new DropConstraint(null, d.primaryKey().name(), table, ConstraintType.PRIMARY), back);
        }
        if (m.primaryKey() != null) {
            String n = m.primaryKey().name() != null ? m.primaryKey().name()
                    : naming.name(NamingConvention.Kind.PK, table, m.primaryKey().columns()).orElse("pk_" + table);
            CreatePrimaryKey op = new CreatePrimaryKey(null, n, table, m.primaryKey().columns());
            add(Phase.ADD_CONSTRAINT, "add_pk", table, "add primary key " + m.primaryKey().columns() + " to " + table, op, op.inverse().orElseThrow());
        }
    }

    private void compareUniques(TableModel m, TableModel d) {
        String table = m.name();
        // A unique index is reported as a unique constraint by MySQL; it is compared as the index it was declared as.
        Set<String> modelIndexNames = m.indexes().stream().map(i -> TableModel.key(i.name())).collect(Collectors.toSet());
        List<TableConstraint.Unique> dbUniques = d.uniques().stream()
                .filter(u -> u.name() == null || !modelIndexNames.contains(TableModel.key(u.name()))).toList();
        for (TableConstraint.Unique u : m.uniques())
            if (dbUniques.stream().noneMatch(x -> sameColumns(x.columns(), u.columns()))) {
                String n = u.name() != null ? u.name() : naming.name(NamingConvention.Kind.UQ, table, u.columns())
                        .orElse("uq_" + table + "_" + String.join("_", u.columns()));
                CreateUniqueConstraint op = new CreateUniqueConstraint(null, n, table, u.columns());
                add(Phase.ADD_CONSTRAINT, "add_unique", table, "add unique constraint " + n + " on " + table + " " + u.columns(), op, op.inverse().orElseThrow());
            }
        for (TableConstraint.Unique u : dbUniques)
            if (m.uniques().stream().noneMatch(x -> sameColumns(x.columns(), u.columns())))
                add(Phase.DROP_CONSTRAINT, "remove_unique", table, "remove unique constraint " + u.name() + " on " + table + " " + u.columns(),
                        new DropConstraint(null, u.name(), table, ConstraintType.UNIQUE), new CreateUniqueConstraint(null, u.name(), table, u.columns()));
    }

    private void compareIndexes(TableModel m, TableModel d) {
        String table = m.name();
        List<IndexDef> dbIndexes = new ArrayList<>(d.indexes());
        // The MySQL case above, seen from the index side: the unique constraint is the model's unique index.
        for (TableConstraint.Unique u : d.uniques())
            if (u.name() != null && m.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(u.name()))
                    && dbIndexes.stream().noneMatch(i -> i.name().equalsIgnoreCase(u.name())))
                dbIndexes.add(new IndexDef(u.name(), u.columns(), true));
        for (IndexDef mi : m.indexes()) {
            Optional<IndexDef> di = dbIndexes.stream().filter(i -> i.name().equalsIgnoreCase(mi.name())).findFirst();
            if (di.isPresent() && keys(di.get().columns()).equals(keys(mi.columns())) && di.get().unique() == mi.unique()) continue;
            if (di.isPresent()) dropIndex(table, di.get());
            CreateIndex op = CreateIndex.of(null, mi.name(), table, mi.columns()).withUnique(mi.unique());
            add(Phase.ADD_CONSTRAINT, "add_index", table, "add " + (mi.unique() ? "unique " : "") + "index " + mi.name() + " on " + table + " " + mi.columns(),
                    op, new DropIndex(null, mi.name(), table, false, false));
        }
        for (IndexDef di : dbIndexes)
            if (m.indexes().stream().noneMatch(i -> i.name().equalsIgnoreCase(di.name()))) dropIndex(table, di);
    }

    private void dropIndex(String table, IndexDef di) {
        add(Phase.DROP_CONSTRAINT, "remove_index", table, "remove index " + di.name() + " on " + table + " " + di.columns(),
                new DropIndex(null, di.name(), table, false, false),
                CreateIndex.of(null, di.name(), table, di.columns()).withUnique(di.unique()));
    }

    private void compareForeignKeys(TableModel m, TableModel d) {
        String table = m.name();
        for (TableConstraint.ForeignKey fk : m.foreignKeys())
            if (d.foreignKeys().stream().noneMatch(x -> sameForeignKey(x, fk))) addForeignKey(table, fk);
        for (TableConstraint.ForeignKey fk : d.foreignKeys())
            if (m.foreignKeys().stream().noneMatch(x -> sameForeignKey(x, fk)))
                add(Phase.DROP_FOREIGN_KEY, "remove_fk", table, "remove foreign key " + fk.name() + " on " + table + " " + fk.columns()
                                + " -> " + fk.refTable() + " " + fk.refColumns(),
                        new DropConstraint(null, fk.name(), table, ConstraintType.FOREIGN_KEY),
                        new CreateForeignKey(null, fk.name(), table, fk.refTable(), fk.columns(), fk.refColumns(), fk.onDelete(), fk.onUpdate()));
    }

    private void addForeignKey(String table, TableConstraint.ForeignKey fk) {
        String n = fk.name() != null ? fk.name() : naming.name(NamingConvention.Kind.FK, table, fk.columns(), fk.refTable(), fk.refColumns())
                .orElse("fk_" + table + "_" + String.join("_", fk.columns()) + "_" + fk.refTable());
        CreateForeignKey op = new CreateForeignKey(null, n, table, fk.refTable(), fk.columns(), fk.refColumns(), fk.onDelete(), fk.onUpdate());
        add(Phase.ADD_FOREIGN_KEY, "add_fk", table, "add foreign key " + n + " on " + table + " " + fk.columns() + " -> "
                + fk.refTable() + " " + fk.refColumns(), op, op.inverse().orElseThrow());
    }

    private static boolean sameForeignKey(TableConstraint.ForeignKey a, TableConstraint.ForeignKey b) {
        return keys(a.columns()).equals(keys(b.columns())) && a.refTable().equalsIgnoreCase(b.refTable())
                && keys(a.refColumns()).equals(keys(b.refColumns()))
                && action(a.onDelete()).equals(action(b.onDelete())) && action(a.onUpdate()).equals(action(b.onUpdate()));
    }

    /** NO ACTION and RESTRICT are what every database does when nothing is said. */
    private static String action(String a) {
        if (a == null) return "";
        String s = a.trim().toUpperCase().replace('_', ' ');
        return s.equals("NO ACTION") || s.equals("RESTRICT") ? "" : s;
    }

    private void compareChecks(TableModel m, TableModel d) {
        String table = m.name();
        // The database holds a check under the name the convention made of the model's.
        List<TableConstraint.Check> checks = m.checks().stream()
                .map(ch -> new TableConstraint.Check(naming.checkName(table, ch.name()).orElse(ch.name()), ch.sql())).toList();
        for (TableConstraint.Check ch : checks)
            if (d.checks().stream().noneMatch(x -> x.name().equalsIgnoreCase(ch.name()))) {
                CreateCheckConstraint op = new CreateCheckConstraint(null, ch.name(), table, ch.sql());
                add(Phase.ADD_CONSTRAINT, "add_check", table, "add check constraint " + ch.name() + " on " + table, op, op.inverse().orElseThrow());
            }
        for (TableConstraint.Check ch : d.checks())
            if (checks.stream().noneMatch(x -> x.name().equalsIgnoreCase(ch.name())))
                add(Phase.DROP_CONSTRAINT, "remove_check", table, "remove check constraint " + ch.name() + " on " + table,
                        new DropConstraint(null, ch.name(), table, ConstraintType.CHECK), new CreateCheckConstraint(null, ch.name(), table, ch.sql()));
    }

    // ---- small pieces -----------------------------------------------------------------------------

    private void add(Phase phase, String kind, String table, String description, Operation upgrade, Operation downgrade) {
        out.get(phase).add(new Difference(kind, table, description, upgrade, downgrade));
    }

    private static List<String> keys(List<String> names) { return names.stream().map(TableModel::key).toList(); }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return new TreeSet<>(keys(a)).equals(new TreeSet<>(keys(b)));
    }
}
