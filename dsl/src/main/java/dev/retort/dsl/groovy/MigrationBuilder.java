package dev.retort.dsl.groovy;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.FromString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The delegate of {@code upgrade { }} and {@code downgrade { }}: each call records one operation. */
public final class MigrationBuilder extends TypeVocabulary {
    private final List<Operation> operations = new ArrayList<>();
    // Identity, not equality: two identical calls on different lines are different operations.
    private final Map<Operation, Integer> lines = new IdentityHashMap<>();
    // Recorded inside safetyAssured { }: lint leaves them alone. By identity, like the lines.
    private final Set<Operation> assured = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean assuring;

    public List<Operation> operations() { return List.copyOf(operations); }

    /** The script line that recorded each operation (nested ones included), so a failure can name it. */
    public Map<Operation, Integer> lines() { return Collections.unmodifiableMap(lines); }

    /** The operations (nested ones included) recorded inside {@code safetyAssured { }}; they render as any other. */
    public Set<Operation> assured() { return Collections.unmodifiableSet(assured); }

    private <T extends Operation> T record(T op) {
        operations.add(op);
        if (assuring) assured.add(op);
        int line = scriptLine();
        if (line > 0) lines.putIfAbsent(op, line);
        return op;
    }

    /** The builder of a nested block; inside {@code safetyAssured { }} its operations are assured too. */
    private MigrationBuilder inner() {
        MigrationBuilder inner = new MigrationBuilder();
        inner.assuring = assuring;
        return inner;
    }

    /** Keeps the lines of a nested block's operations ({@code onDialect}, {@code autocommit}). */
    private List<Operation> nested(MigrationBuilder inner) {
        lines.putAll(inner.lines);
        assured.addAll(inner.assured);
        return inner.operations();
    }

    /** The line of the nearest calling frame compiled from a Groovy script (revision scripts are named {@code *.groovy}). */
    private static int scriptLine() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getFileName() != null && f.getFileName().endsWith(".groovy") && !f.getClassName().startsWith("dev.retort."))
                .findFirst().map(StackWalker.StackFrame::getLineNumber).orElse(0));
    }

    /** Runs a block with {@code delegate} first, falling back to the script for anything else. */
    static <T> T runBlock(Closure<?> block, T delegate) {
        Closure<?> c = (Closure<?>) block.clone();
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        c.setDelegate(delegate);
        if (c.getMaximumNumberOfParameters() > 0) c.call(delegate); else c.call();
        return delegate;
    }

    // ---- tables -----------------------------------------------------------------------------------

    public void createTable(Map<String, ?> options, String name,
                            @DelegatesTo(value = TableBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        NamedOptions o = new NamedOptions(options, "createTable '" + name + "'", Set.of("schema", "ifNotExists", "comment"));
        record(runBlock(body, new TableBuilder(name)).build(o.text("schema"), o.flag("ifNotExists", false), o.text("comment")));
    }
    public void createTable(String name, @DelegatesTo(value = TableBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        createTable(Map.of(), name, body);
    }

    public void dropTable(Map<String, ?> options, String name) {
        NamedOptions o = new NamedOptions(options, "dropTable '" + name + "'", Set.of("schema", "ifExists"));
        record(new DropTable(o.text("schema"), name, o.flag("ifExists", false)));
    }
    public void dropTable(String name) { dropTable(Map.of(), name); }

    public void renameTable(Map<String, ?> options, String oldName, String newName) {
        NamedOptions o = new NamedOptions(options, "renameTable '" + oldName + "'", Set.of("schema"));
        record(new RenameTable(o.text("schema"), oldName, newName));
    }
    public void renameTable(String oldName, String newName) { renameTable(Map.of(), oldName, newName); }

    // ---- columns ----------------------------------------------------------------------------------

    public void addColumn(Map<String, ?> options, String table, String name, Object type) {
        Set<String> known = new HashSet<>(TableBuilder.COLUMN_OPTIONS);
        known.addAll(Set.of("schema", "ifNotExists"));
        NamedOptions o = new NamedOptions(options, "addColumn '" + table + "." + name + "'", known);
        Column column = TableBuilder.columnOf(table, o, name, type);
        record(new AddColumn(o.text("schema"), table, column, o.flag("ifNotExists", false)));
    }
    public void addColumn(String table, String name, Object type) { addColumn(Map.of(), table, name, type); }

    public void dropColumn(Map<String, ?> options, String table, String name) {
        NamedOptions o = new NamedOptions(options, "dropColumn '" + table + "." + name + "'", Set.of("schema", "ifExists"));
        record(new DropColumn(o.text("schema"), table, name, o.flag("ifExists", false)));
    }
    public void dropColumn(String table, String name) { dropColumn(Map.of(), table, name); }

    public void alterColumn(Map<String, ?> options, String table, String name) {
        String where = "alterColumn '" + table + "." + name + "'";
        NamedOptions o = new NamedOptions(options, where, Set.of("type", "nullable", "default", "newName", "comment",
                "existingType", "existingNullable", "existingDefault", "existingComment", "using", "schema"));
        AlterColumn op = AlterColumn.of(o.text("schema"), table, name)
                .withType(o.has("type") ? TypeArguments.toColumnType(o.raw("type"), where) : null)
                .withNullable(o.optionalFlag("nullable"))
                .withNewName(o.text("newName"))
                .withExistingType(o.has("existingType") ? TypeArguments.toColumnType(o.raw("existingType"), where) : null)
                .withExistingNullable(o.optionalFlag("existingNullable"))
                .withExistingDefault(o.columnDefault("existingDefault"))
                .withExistingComment(o.text("existingComment"))
                .withUsing(o.text("using"));
        // A default or comment option that is present but null drops it; one that is absent leaves it alone.
        if (o.has("default")) op = op.withDefault(o.columnDefault("default"));
        if (o.has("comment")) op = op.withComment(o.text("comment"));
        record(op);
    }

    public void renameColumn(Map<String, ?> options, String table, String oldName, String newName) {
        NamedOptions o = new NamedOptions(options, "renameColumn '" + table + "." + oldName + "'", Set.of("schema"));
        record(new RenameColumn(o.text("schema"), table, oldName, newName));
    }
    public void renameColumn(String table, String oldName, String newName) { renameColumn(Map.of(), table, oldName, newName); }

    // ---- indexes and constraints ------------------------------------------------------------------

    public void createIndex(Map<String, ?> options, String name, String table, List<String> columns) {
        NamedOptions o = new NamedOptions(options, "createIndex '" + name + "'",
                Set.of("unique", "where", "ifNotExists", "concurrently", "schema"));
        record(CreateIndex.of(o.text("schema"), name, table, columns).withUnique(o.flag("unique", false)).withWhere(o.text("where"))
                .withIfNotExists(o.flag("ifNotExists", false)).withConcurrently(o.flag("concurrently", false)));
    }
    public void createIndex(String name, String table, List<String> columns) { createIndex(Map.of(), name, table, columns); }

    public void dropIndex(Map<String, ?> options, String name) {
        NamedOptions o = new NamedOptions(options, "dropIndex '" + name + "'", Set.of("table", "ifExists", "schema", "concurrently"));
        record(new DropIndex(o.text("schema"), name, o.text("table"), o.flag("ifExists", false), o.flag("concurrently", false)));
    }
    public void dropIndex(String name) { dropIndex(Map.of(), name); }

    public void createUniqueConstraint(Map<String, ?> options, String name, String table, List<String> columns) {
        NamedOptions o = new NamedOptions(options, "createUniqueConstraint '" + name + "'", Set.of("schema"));
        record(new CreateUniqueConstraint(o.text("schema"), name, table, columns));
    }
    public void createUniqueConstraint(String name, String table, List<String> columns) { createUniqueConstraint(Map.of(), name, table, columns); }

    public void createPrimaryKey(Map<String, ?> options, String name, String table, List<String> columns) {
        NamedOptions o = new NamedOptions(options, "createPrimaryKey '" + name + "'", Set.of("schema"));
        record(new CreatePrimaryKey(o.text("schema"), name, table, columns));
    }
    public void createPrimaryKey(String name, String table, List<String> columns) { createPrimaryKey(Map.of(), name, table, columns); }

    public void createCheckConstraint(Map<String, ?> options, String name, String table, String sql) {
        NamedOptions o = new NamedOptions(options, "createCheckConstraint '" + name + "'", Set.of("schema", "notValid"));
        record(new CreateCheckConstraint(o.text("schema"), name, table, sql, o.flag("notValid", false)));
    }
    public void createCheckConstraint(String name, String table, String sql) { createCheckConstraint(Map.of(), name, table, sql); }

    public void createForeignKey(Map<String, ?> options, String name, String table, String refTable,
                                 List<String> columns, List<String> refColumns) {
        NamedOptions o = new NamedOptions(options, "createForeignKey '" + name + "'", Set.of("onDelete", "onUpdate", "schema", "notValid"));
        record(new CreateForeignKey(o.text("schema"), name, table, refTable, columns, refColumns, o.text("onDelete"), o.text("onUpdate"),
                o.flag("notValid", false)));
    }
    public void createForeignKey(String name, String table, String refTable, List<String> columns, List<String> refColumns) {
        createForeignKey(Map.of(), name, table, refTable, columns, refColumns);
    }

    /** Checks the rows of a constraint added with {@code notValid: true}; nothing on databases that checked them already. */
    public void validateConstraint(Map<String, ?> options, String name, String table) {
        NamedOptions o = new NamedOptions(options, "validateConstraint '" + name + "'", Set.of("schema"));
        record(new ValidateConstraint(o.text("schema"), name, table));
    }
    public void validateConstraint(String name, String table) { validateConstraint(Map.of(), name, table); }

    public void dropConstraint(Map<String, ?> options, String name, String table) {
        NamedOptions o = new NamedOptions(options, "dropConstraint '" + name + "'", Set.of("type", "schema"));
        record(new DropConstraint(o.text("schema"), name, table, o.has("type") ? ConstraintType.fromDsl(o.text("type")) : null));
    }
    public void dropConstraint(String name, String table) { dropConstraint(Map.of(), name, table); }

    // ---- comments, data, raw SQL ------------------------------------------------------------------

    public void tableComment(Map<String, ?> options, String table, String text) {
        NamedOptions o = new NamedOptions(options, "tableComment '" + table + "'", Set.of("schema", "existingComment"));
        record(new TableComment(o.text("schema"), table, text, o.text("existingComment")));
    }
    public void tableComment(String table, String text) { tableComment(Map.of(), table, text); }

    public void insert(Map<String, ?> options, String table, List<Map<String, Object>> rows) {
        NamedOptions o = new NamedOptions(options, "insert into '" + table + "'", Set.of("schema"));
        record(new Insert(o.text("schema"), table, rows));
    }
    public void insert(String table, List<Map<String, Object>> rows) { insert(Map.of(), table, rows); }

    public void execute(Map<String, ?> options, String sql) {
        NamedOptions o = new NamedOptions(options, "execute", Set.of("dialect"));
        record(new ExecuteSql(sql, o.text("dialect")));
    }
    public void execute(String sql) { execute(Map.of(), sql); }

    /** {@code onDialect('postgresql') { … }}: the block's operations apply on that database only. */
    public void onDialect(String dialect, @DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        onDialect(new Object[] {dialect, block});
    }

    /** {@code onDialect('postgresql', 'h2') { … }}; the typed overloads exist so an IDE knows the block's delegate. */
    public void onDialect(String first, String second, @DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        onDialect(new Object[] {first, second, block});
    }

    public void onDialect(List<String> dialects, @DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        onDialect(new Object[] {dialects, block});
    }

    /** {@code onDialect('postgresql', 'h2', 'sqlite') { … }}: the block's operations apply on those databases only. */
    public void onDialect(Object... namesThenBlock) {
        if (namesThenBlock.length < 2 || !(namesThenBlock[namesThenBlock.length - 1] instanceof Closure<?> block))
            throw new IllegalArgumentException("onDialect needs one or more dialect names and a block: onDialect('postgresql') { … }");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesThenBlock.length - 1; i++) {
            Object n = namesThenBlock[i];
            if (n instanceof List<?> l) l.forEach(x -> names.add(x.toString())); else names.add(String.valueOf(n));
        }
        record(new OnDialect(names, nested(runBlock(block, inner()))));
    }

    /**
     * {@code autocommit { createIndex 'ix', 't', ['c'], concurrently: true }}: operations that cannot run inside a
     * transaction. Where DDL is transactional, the run commits before the block and opens a new transaction after it.
     */
    public void autocommit(@DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        record(new Autocommit(nested(runBlock(block, inner()))));
    }

    /**
     * {@code safetyAssured { dropColumn 'orders', 'legacy' }}: the author has checked these operations are safe (no running
     * code reads the column any more), so {@code retort lint} reports nothing about them. The SQL is the same.
     */
    public void safetyAssured(@DelegatesTo(value = MigrationBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        boolean outer = assuring;
        assuring = true;
        try {
            runBlock(block, this);
        } finally {
            assuring = outer;
        }
    }

    /**
     * {@code connection { c -> … }} or {@code connection { c, sql -> … }}: a data migration run against the live
     * connection ({@code java.sql.Connection}, and {@code groovy.sql.Sql} when the block takes two parameters).
     */
    public void connection(@ClosureParams(value = FromString.class, options = {"java.sql.Connection", "java.sql.Connection,groovy.sql.Sql"})
                           Closure<?> block) {
        record(new RunWithConnection(new GroovyConnectionCallback(block)));
    }
}
