package dev.retort.internal.naming;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ForeignKeyRef;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.internal.naming.NamingConvention.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A revision's operations with every constraint and index they leave unnamed named by the convention. A pure
 * transformation: the operations come back as new records (those it did not change, as they were), so the dialects,
 * the offline schema, lint and the derived downgrade all see the names. A key, unique constraint or reference declared
 * on a column becomes a named table constraint (in {@code createTable}) or a named {@code create…} operation after the
 * {@code addColumn}, since only those carry a name.
 */
public final class ConventionNaming implements OperationVisitor<List<Operation>> {
    /**
     * The named operations; {@code origins} maps each new operation (nested ones included) to the one it came from, so
     * its script line and {@code safetyAssured} carry over; {@code given} lists each name the convention gave, with the
     * operation that carries it.
     */
    public record Named(List<Operation> operations, Map<Operation, Operation> origins, List<Given> given) {}

    public record Given(Operation operation, Kind kind, String name) {}

    private final NamingConvention convention;
    private final Map<Operation, Operation> origins = new IdentityHashMap<>();
    private final List<Given> given = new ArrayList<>();

    private ConventionNaming(NamingConvention convention) { this.convention = convention; }

    public static Named apply(NamingConvention convention, List<Operation> operations) {
        if (convention.isEmpty()) return new Named(operations, Map.of(), List.of());
        ConventionNaming naming = new ConventionNaming(convention);
        return new Named(naming.all(operations), naming.origins, List.copyOf(naming.given));
    }

    private List<Operation> all(List<Operation> operations) {
        List<Operation> out = new ArrayList<>(operations.size());
        for (Operation op : operations)
            for (Operation named : op.accept(this)) {
                if (named != op) origins.put(named, op);
                out.add(named);
            }
        return out;
    }

    private String give(Operation carrier, Kind kind, String name) {
        given.add(new Given(carrier, kind, name));
        return name;
    }

    // ---- tables -----------------------------------------------------------------------------------

    @Override public List<Operation> visitCreateTable(CreateTable op) {
        String table = op.name();
        List<Column> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean tablePk = op.constraints().stream().anyMatch(tc -> tc instanceof TableConstraint.PrimaryKey);
        List<String> pkColumns = op.columns().stream().filter(Column::primaryKey).map(Column::name).toList();
        boolean namePk = convention.names(Kind.PK) && !tablePk && !pkColumns.isEmpty();
        if (namePk) {
            String name = convention.name(Kind.PK, table, pkColumns).orElseThrow();
            names.add(name);
            constraints.add(new TableConstraint.PrimaryKey(name, pkColumns));
        }
        for (Column c : op.columns()) {
            Column kept = c;
            // Still NOT NULL: a key column's nullability was settled when the column was declared.
            if (namePk && c.primaryKey()) kept = kept.withPrimaryKey(false).withNullable(false);
            if (c.unique() && convention.names(Kind.UQ)) {
                String name = convention.name(Kind.UQ, table, List.of(c.name())).orElseThrow();
                names.add(name);
                constraints.add(new TableConstraint.Unique(name, List.of(c.name())));
                kept = kept.withUnique(false);
            }
            ForeignKeyRef ref = c.references();
            if (ref != null && convention.names(Kind.FK)) {
                String name = convention.name(Kind.FK, table, List.of(c.name()), ref.table(), List.of(ref.column())).orElseThrow();
                names.add(name);
                constraints.add(new TableConstraint.ForeignKey(name, List.of(c.name()), ref.table(), List.of(ref.column()), ref.onDelete(), ref.onUpdate()));
                kept = kept.withReferences(null);
            }
            columns.add(kept);
        }
        for (TableConstraint tc : op.constraints()) {
            TableConstraint named = named(table, tc);
            if (named != tc) names.add(named.name());
            constraints.add(named);
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef ix : op.indexes()) {
            if (ix.name() != null || !convention.names(Kind.IX)) { indexes.add(ix); continue; }
            String name = convention.name(Kind.IX, table, ix.columns()).orElseThrow();
            names.add(name);
            indexes.add(new IndexDef(name, ix.columns(), ix.unique()));
        }
        if (names.isEmpty()) return List.of(op);
        CreateTable named = new CreateTable(op.schema(), table, columns, constraints, indexes, op.ifNotExists(), op.comment());
        // Kinds are for messages only; the table's own names are reported under the kind of each object.
        for (TableConstraint tc : constraints) if (names.contains(tc.name())) give(named, kindOf(tc), tc.name());
        for (IndexDef ix : indexes) if (names.contains(ix.name())) give(named, Kind.IX, ix.name());
        return List.of(named);
    }

    private TableConstraint named(String table, TableConstraint tc) {
        if (tc instanceof TableConstraint.Check ch)
            return convention.checkName(table, ch.name()).filter(n -> !n.equals(ch.name()))
                    .<TableConstraint>map(n -> new TableConstraint.Check(n, ch.sql())).orElse(tc);
        if (tc.name() != null) return tc;
        if (tc instanceof TableConstraint.PrimaryKey p)
            return convention.name(Kind.PK, table, p.columns()).<TableConstraint>map(n -> new TableConstraint.PrimaryKey(n, p.columns())).orElse(tc);
        if (tc instanceof TableConstraint.Unique u)
            return convention.name(Kind.UQ, table, u.columns()).<TableConstraint>map(n -> new TableConstraint.Unique(n, u.columns())).orElse(tc);
        TableConstraint.ForeignKey f = (TableConstraint.ForeignKey) tc;
        return convention.name(Kind.FK, table, f.columns(), f.refTable(), f.refColumns())
                .<TableConstraint>map(n -> new TableConstraint.ForeignKey(n, f.columns(), f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate()))
                .orElse(tc);
    }

    private static Kind kindOf(TableConstraint tc) {
        if (tc instanceof TableConstraint.PrimaryKey) return Kind.PK;
        if (tc instanceof TableConstraint.Unique) return Kind.UQ;
        if (tc instanceof TableConstraint.ForeignKey) return Kind.FK;
        return Kind.CK;
    }

    /** A column's key, unique constraint or reference, named, as operations of their own after the column is added. */
    @Override public List<Operation> visitAddColumn(AddColumn op) {
        Column c = op.column();
        String table = op.table();
        List<Operation> after = new ArrayList<>();
        Column kept = c;
        if (c.primaryKey() && convention.names(Kind.PK)) {
            String name = convention.name(Kind.PK, table, List.of(c.name())).orElseThrow();
            after.add(new CreatePrimaryKey(op.schema(), name, table, List.of(c.name())));
            kept = kept.withPrimaryKey(false).withNullable(false);
        }
        if (c.unique() && convention.names(Kind.UQ)) {
            String name = convention.name(Kind.UQ, table, List.of(c.name())).orElseThrow();
            after.add(new CreateUniqueConstraint(op.schema(), name, table, List.of(c.name())));
            kept = kept.withUnique(false);
        }
        ForeignKeyRef ref = c.references();
        if (ref != null && convention.names(Kind.FK)) {
            String name = convention.name(Kind.FK, table, List.of(c.name()), ref.table(), List.of(ref.column())).orElseThrow();
            after.add(new CreateForeignKey(op.schema(), name, table, ref.table(), List.of(c.name()), List.of(ref.column()), ref.onDelete(), ref.onUpdate()));
            kept = kept.withReferences(null);
        }
        if (after.isEmpty()) return List.of(op);
        List<Operation> out = new ArrayList<>();
        out.add(new AddColumn(op.schema(), table, kept, op.ifNotExists()));
        out.addAll(after);
        for (Operation o : after) give(o, kindOf(o), nameOf(o));
        return out;
    }

    private static Kind kindOf(Operation op) {
        if (op instanceof CreatePrimaryKey) return Kind.PK;
        if (op instanceof CreateUniqueConstraint) return Kind.UQ;
        return Kind.FK;
    }

    private static String nameOf(Operation op) {
        if (op instanceof CreatePrimaryKey p) return p.name();
        if (op instanceof CreateUniqueConstraint u) return u.name();
        return ((CreateForeignKey) op).name();
    }

    // ---- constraints and indexes added to a table -------------------------------------------------

    @Override public List<Operation> visitCreateIndex(CreateIndex op) {
        if (op.name() != null || !convention.names(Kind.IX)) return List.of(op);
        String name = convention.name(Kind.IX, op.table(), op.columns()).orElseThrow();
        CreateIndex named = new CreateIndex(op.schema(), name, op.table(), op.columns(), op.unique(), op.where(), op.ifNotExists(), op.concurrently());
        give(named, Kind.IX, name);
        return List.of(named);
    }

    @Override public List<Operation> visitCreateUniqueConstraint(CreateUniqueConstraint op) {
        if (op.name() != null || !convention.names(Kind.UQ)) return List.of(op);
        CreateUniqueConstraint named = new CreateUniqueConstraint(op.schema(), convention.name(Kind.UQ, op.table(), op.columns()).orElseThrow(),
                op.table(), op.columns());
        give(named, Kind.UQ, named.name());
        return List.of(named);
    }

    @Override public List<Operation> visitCreatePrimaryKey(CreatePrimaryKey op) {
        if (op.name() != null || !convention.names(Kind.PK)) return List.of(op);
        CreatePrimaryKey named = new CreatePrimaryKey(op.schema(), convention.name(Kind.PK, op.table(), op.columns()).orElseThrow(),
                op.table(), op.columns());
        give(named, Kind.PK, named.name());
        return List.of(named);
    }

    @Override public List<Operation> visitCreateForeignKey(CreateForeignKey op) {
        if (op.name() != null || !convention.names(Kind.FK)) return List.of(op);
        String name = convention.name(Kind.FK, op.table(), op.columns(), op.refTable(), op.refColumns()).orElseThrow();
        CreateForeignKey named = new CreateForeignKey(op.schema(), name, op.table(), op.refTable(), op.columns(), op.refColumns(),
                op.onDelete(), op.onUpdate(), op.notValid());
        give(named, Kind.FK, name);
        return List.of(named);
    }

    @Override public List<Operation> visitCreateCheckConstraint(CreateCheckConstraint op) {
        return convention.checkName(op.table(), op.name()).filter(n -> !n.equals(op.name())).<List<Operation>>map(n -> {
            CreateCheckConstraint named = new CreateCheckConstraint(op.schema(), n, op.table(), op.sql(), op.notValid());
            give(named, Kind.CK, n);
            return List.of(named);
        }).orElse(List.of(op));
    }

    // ---- blocks: their operations named in place --------------------------------------------------

    @Override public List<Operation> visitOnDialect(OnDialect op) {
        List<Operation> inner = all(op.operations());
        return sameInstances(inner, op.operations()) ? List.of(op) : List.of(new OnDialect(op.dialects(), inner));
    }

    @Override public List<Operation> visitAutocommit(Autocommit op) {
        List<Operation> inner = all(op.operations());
        return sameInstances(inner, op.operations()) ? List.of(op) : List.of(new Autocommit(inner));
    }

    private static boolean sameInstances(List<Operation> a, List<Operation> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    // ---- nothing to name --------------------------------------------------------------------------

    @Override public List<Operation> visitDropTable(DropTable op) { return List.of(op); }
    @Override public List<Operation> visitRenameTable(RenameTable op) { return List.of(op); }
    @Override public List<Operation> visitDropColumn(DropColumn op) { return List.of(op); }
    @Override public List<Operation> visitAlterColumn(AlterColumn op) { return List.of(op); }
    @Override public List<Operation> visitRenameColumn(RenameColumn op) { return List.of(op); }
    @Override public List<Operation> visitDropIndex(DropIndex op) { return List.of(op); }
    @Override public List<Operation> visitValidateConstraint(ValidateConstraint op) { return List.of(op); }
    @Override public List<Operation> visitDropConstraint(DropConstraint op) { return List.of(op); }
    @Override public List<Operation> visitTableComment(TableComment op) { return List.of(op); }
    @Override public List<Operation> visitInsert(Insert op) { return List.of(op); }
    @Override public List<Operation> visitExecuteSql(ExecuteSql op) { return List.of(op); }
    @Override public List<Operation> visitSqlFile(SqlFile op) { return List.of(op); }
    @Override public List<Operation> visitRunWithConnection(RunWithConnection op) { return List.of(op); }
}
