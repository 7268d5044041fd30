package dev.retort.internal.lint;

import dev.retort.dsl.dialect.Capabilities;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.type.TypeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that read one revision's upgrade operations, for one dialect. Whether a rule applies there is a fact of the
 * dialect's {@link Capabilities}; an "existing table" is one this revision did not create before the operation.
 */
final class RevisionRules implements OperationVisitor<Void> {
    /** A rule broken by an operation; {@code what} and {@code fix} become the message with the rule's why between them. */
    record Hit(Rule rule, Operation operation, String what, String fix) {}

    /**
     * Defaults PostgreSQL evaluates per row (volatile functions), which make ADD COLUMN rewrite the table; {@code now()}
     * and {@code CURRENT_TIMESTAMP} are stable. postgresql.org/docs/current/ddl-alter.html#DDL-ALTER-ADDING-A-COLUMN
     */
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "(?i)\\b(clock_timestamp|random|gen_random_uuid|uuid_generate_v[14]|timeofday|nextval)\\s*\\(");

    private final Dialect dialect;
    private final Capabilities can;
    private final FixSource fix;
    private final Set<String> newTables = new HashSet<>();
    private final Set<String> newIndexes = new HashSet<>();
    private final List<Hit> hits = new ArrayList<>();

    private RevisionRules(Dialect dialect, FixSource fix) {
        this.dialect = dialect;
        this.can = dialect.capabilities();
        this.fix = fix;
    }

    /** The rules each operation of the revision breaks, in order; operations inside blocks after their block. */
    static List<Hit> check(List<Operation> upgrade, Dialect dialect, FixSource fix) {
        RevisionRules rules = new RevisionRules(dialect, fix);
        for (Operation op : upgrade) op.accept(rules);
        return List.copyOf(rules.hits);
    }

    private void hit(Rule rule, Operation op, String what, String fixText) { hits.add(new Hit(rule, op, what, fixText)); }

    private static String key(String schema, String table) {
        return ((schema == null ? "" : schema + ".") + table).toLowerCase(Locale.ROOT);
    }

    private boolean existing(String schema, String table) { return table != null && !newTables.contains(key(schema, table)); }

    private void name(Operation op, String kind, String identifier) {
        int max = can.maxIdentifierLength();
        if (identifier == null || max <= 0 || identifier.length() <= max) return;
        hit(Rule.RT401, op, kind + " name " + identifier + " is " + identifier.length() + " characters, and " + dialect.name()
                + " allows " + max, "choose a name of at most " + max + " characters");
    }

    // ---- tables -----------------------------------------------------------------------------------

    @Override public Void visitCreateTable(CreateTable op) {
        newTables.add(key(op.schema(), op.name()));
        name(op, "table", op.name());
        for (Column c : op.columns()) name(op, "column", c.name());
        for (TableConstraint tc : op.constraints()) name(op, "constraint", tc.name());
        for (IndexDef ix : op.indexes()) {
            name(op, "index", ix.name());
            newIndexes.add(ix.name().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    @Override public Void visitDropTable(DropTable op) {
        if (existing(op.schema(), op.name()))
            hit(Rule.RT101, op, "dropTable " + op.name(), "drop it in a release after the code stops using it, as "
                    + fix.assured(op));
        newTables.remove(key(op.schema(), op.name()));
        return null;
    }

    @Override public Void visitRenameTable(RenameTable op) {
        name(op, "table", op.newName());
        if (existing(op.schema(), op.oldName())) {
            hit(Rule.RT103, op, "renameTable " + op.oldName() + " to " + op.newName(), "create the new table beside the old one, "
                    + "write to both, move reads over, then drop the old one; or, when no running code uses it, " + fix.assured(op));
        } else {
            newTables.remove(key(op.schema(), op.oldName()));
            newTables.add(key(op.schema(), op.newName()));
        }
        return null;
    }

    // ---- columns ----------------------------------------------------------------------------------

    @Override public Void visitAddColumn(AddColumn op) {
        Column c = op.column();
        name(op, "column", c.name());
        if (!existing(op.schema(), op.table())) return null;
        String what = "addColumn " + op.table() + "." + c.name();
        if (!c.nullable() && c.defaultValue() == null && !c.autoIncrement())
            hit(Rule.RT201, op, what + " is NOT NULL without a default on existing table " + op.table(),
                    "give it a default (" + fix.option("default", "…") + "), or add it nullable, fill it, then make it NOT NULL: "
                            + fix.statement(new AddColumn(op.schema(), op.table(), c.withNullable(true), op.ifNotExists())) + ", then "
                            + fix.statement(AlterColumn.of(op.schema(), op.table(), c.name()).withNullable(false)));
        if (can.volatileDefaultRewrites() && c.defaultValue() instanceof ColumnDefault.Expression e && VOLATILE_DEFAULT.matcher(e.sql()).find())
            hit(Rule.RT208, op, what + " has the volatile default " + e.sql() + " on existing table " + op.table(),
                    "add it without the default, set the default with " + fix.statement(AlterColumn.of(op.schema(), op.table(), c.name())
                            .withDefault(c.defaultValue())) + " (new rows only), and fill the existing rows in batches");
        if (c.unique())
            hit(Rule.RT207, op, what + " is unique on existing table " + op.table(), uniqueFix(op, op.table(), List.of(c.name()),
                    "uq_" + op.table() + "_" + c.name()));
        if (c.references() != null && can.notValidConstraints())
            hit(Rule.RT205, op, what + " references " + c.references().table() + " on existing table " + op.table(),
                    "add the column without references, then " + fix.statement(new CreateForeignKey(op.schema(), "fk_" + op.table() + "_"
                            + c.name(), op.table(), c.references().table(), List.of(c.name()), List.of(c.references().column()),
                            c.references().onDelete(), c.references().onUpdate(), true)) + ", and validateConstraint in a later revision");
        return null;
    }

    @Override public Void visitDropColumn(DropColumn op) {
        if (existing(op.schema(), op.table()))
            hit(Rule.RT102, op, "dropColumn " + op.table() + "." + op.name(), "stop reading and writing the column in one release "
                    + "(tell the ORM to ignore it), then, in the next, " + fix.assured(op));
        return null;
    }

    @Override public Void visitAlterColumn(AlterColumn op) {
        name(op, "column", op.newName());
        if (!existing(op.schema(), op.table())) return null;
        String what = "alterColumn " + op.table() + "." + op.name();
        if (op.type() != null && op.type().kind() == TypeKind.ENUM && can.enumChangeCopiesTable())
            hit(Rule.RT302, op, what + " changes the values of an ENUM", "only append new values at the end of enumOf(…), which "
                    + dialect.name() + " changes in place, or keep the values in a lookup table");
        else if (op.type() != null)
            hit(Rule.RT203, op, what + " changes the column's type on existing table " + op.table(), "add a column of the new type, "
                    + "fill it in batches, move the code over, then drop the old column");
        if (Boolean.FALSE.equals(op.nullable()))
            hit(Rule.RT202, op, what + " sets NOT NULL on existing table " + op.table(), can.notValidConstraints()
                    ? "first " + fix.statement(new CreateCheckConstraint(op.schema(), "ck_" + op.table() + "_" + op.name() + "_not_null",
                            op.table(), op.name() + " IS NOT NULL", true)) + " and validateConstraint it; PostgreSQL 12 and later then "
                            + "set NOT NULL without a scan"
                    : "run it while the table is small or the database quiet, as " + fix.assured(op));
        if (op.newName() != null)
            hit(Rule.RT104, op, what + " renames it to " + op.newName(), renameColumnFix(op));
        return null;
    }

    @Override public Void visitRenameColumn(RenameColumn op) {
        name(op, "column", op.newName());
        if (existing(op.schema(), op.table()))
            hit(Rule.RT104, op, "renameColumn " + op.table() + "." + op.oldName() + " to " + op.newName(), renameColumnFix(op));
        return null;
    }

    private String renameColumnFix(Operation op) {
        return "add the new column, write to both, fill it, move reads over, then drop the old one; or, when no running code "
                + "uses it, " + fix.assured(op);
    }

    // ---- indexes and constraints ------------------------------------------------------------------

    @Override public Void visitCreateIndex(CreateIndex op) {
        name(op, "index", op.name());
        newIndexes.add(op.name().toLowerCase(Locale.ROOT));
        if (can.concurrentIndexes() && !op.concurrently() && existing(op.schema(), op.table()))
            hit(Rule.RT204, op, "createIndex " + op.name() + " on existing table " + op.table() + " without "
                    + fix.option("concurrently", "true"), fix.statement(op.withConcurrently(true)));
        return null;
    }

    @Override public Void visitDropIndex(DropIndex op) {
        if (can.concurrentIndexes() && !op.concurrently() && !newIndexes.contains(op.name().toLowerCase(Locale.ROOT)))
            hit(Rule.RT209, op, "dropIndex " + op.name() + " without " + fix.option("concurrently", "true"),
                    fix.statement(new DropIndex(op.schema(), op.name(), op.table(), op.ifExists(), true)));
        return null;
    }

    @Override public Void visitCreateUniqueConstraint(CreateUniqueConstraint op) {
        name(op, "constraint", op.name());
        if (existing(op.schema(), op.table()))
            hit(Rule.RT207, op, "createUniqueConstraint " + op.name() + " on existing table " + op.table(),
                    uniqueFix(op, op.table(), op.columns(), op.name()));
        return null;
    }

    private String uniqueFix(Operation op, String table, List<String> columns, String indexName) {
        if (!can.concurrentIndexes()) return "run it while the table is small or the database quiet, as " + fix.assured(op);
        return "build the index first, " + fix.statement(CreateIndex.of(null, indexName, table, columns).withUnique(true).withConcurrently(true))
                + ", then attach it: execute 'ALTER TABLE " + table + " ADD CONSTRAINT " + indexName + " UNIQUE USING INDEX " + indexName + "'";
    }

    @Override public Void visitCreatePrimaryKey(CreatePrimaryKey op) {
        name(op, "constraint", op.name());
        return null;
    }

    @Override public Void visitCreateCheckConstraint(CreateCheckConstraint op) {
        name(op, "constraint", op.name());
        if (can.notValidConstraints() && !op.notValid() && existing(op.schema(), op.table()))
            hit(Rule.RT206, op, "createCheckConstraint " + op.name() + " on existing table " + op.table() + " without "
                    + fix.option("notValid", "true"), notValidFix(op.withNotValid(true), op.name(), op.table()));
        return null;
    }

    @Override public Void visitCreateForeignKey(CreateForeignKey op) {
        name(op, "constraint", op.name());
        if (can.notValidConstraints() && !op.notValid() && existing(op.schema(), op.table()))
            hit(Rule.RT205, op, "createForeignKey " + op.name() + " on existing table " + op.table() + " without "
                    + fix.option("notValid", "true"), notValidFix(op.withNotValid(true), op.name(), op.table()));
        return null;
    }

    private String notValidFix(Operation notValid, String constraint, String table) {
        return fix.statement(notValid) + ", then, in a later revision, " + fix.statement(new ValidateConstraint(null, constraint, table))
                + " (it checks the rows without blocking writes)";
    }

    @Override public Void visitValidateConstraint(ValidateConstraint op) { return null; }
    @Override public Void visitDropConstraint(DropConstraint op) { return null; }

    // ---- comments, data, raw SQL, blocks ----------------------------------------------------------

    @Override public Void visitTableComment(TableComment op) { return null; }
    @Override public Void visitInsert(Insert op) { return null; }

    @Override public Void visitExecuteSql(ExecuteSql op) {
        if (op.appliesTo(dialect.name()))
            hit(Rule.RT301, op, op.describe() + " is raw SQL", "review it by hand, then mark it reviewed with // retort:nolint RT301");
        return null;
    }

    @Override public Void visitRunWithConnection(RunWithConnection op) {
        hit(Rule.RT301, op, "connection { … } runs code against the database", "review it by hand, then mark it reviewed with "
                + "// retort:nolint RT301");
        return null;
    }

    /** A block for other databases is not run here, so it is not checked here either. */
    @Override public Void visitOnDialect(OnDialect op) {
        if (op.appliesTo(dialect.name())) op.operations().forEach(inner -> inner.accept(this));
        return null;
    }

    @Override public Void visitAutocommit(Autocommit op) {
        op.operations().forEach(inner -> inner.accept(this));
        return null;
    }
}
