package dev.retort.internal.squash;

import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.internal.autogen.Difference;
import dev.retort.internal.autogen.SchemaComparator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a squash, computed through the offline schema. The rule: schema changes between two carried operations
 * are replaced by the difference between the tables before and after them (so a table created and then altered is created
 * once in its final form); an operation the difference cannot restate without losing rows or meaning is carried as
 * written, at its place: {@code insert} and {@code execute} (data, or SQL the offline schema does not read), renames (a
 * difference would drop and re-add), {@code alterColumn} with {@code using}, and any change to a table the offline schema
 * does not know (made by raw SQL). So every carried operation sees exactly the tables it saw in the original run.
 * Operations that are code or depend on the database ({@code connection { }}, {@code onDialect}, {@code autocommit}),
 * that name a schema, or that source cannot restate (a partial or concurrent index) make the squash refuse, naming each.
 */
final class SquashedOperations {
    private SquashedOperations() {}

    /** An operation of the run, with the script and line it came from. */
    record Located(Operation operation, Path file, int line) {
        String where() { return file + ":" + line; }
    }

    /** What becomes of one operation of the run. */
    private enum Treatment { FOLDED, CARRIED, REFUSED }

    /**
     * @param dialect  whose {@code onDialect} blocks the history before the run follows (the caller compares dialects)
     * @param before   the operations that built the tables the run starts from, in order
     * @param run      the run's operations in order
     * @param refusals receives one line per operation that cannot be squashed
     */
    static List<Operation> fold(String dialect, List<Operation> before, List<Located> run, List<String> refusals) {
        OfflineSchema schema = new OfflineSchema(dialect);
        before.forEach(schema::record);
        SchemaModel mark = model(schema);
        List<Operation> out = new ArrayList<>();
        for (Located l : run) {
            Operation op = l.operation();
            Classifier classifier = new Classifier(schema);
            Treatment treatment = op.accept(classifier);
            if (treatment == Treatment.REFUSED) {
                refusals.add(l.where() + ": " + op.describe() + " — " + classifier.why);
                continue;
            }
            if (treatment == Treatment.CARRIED) {
                out.addAll(difference(mark, model(schema)));
                out.add(op);
            }
            try {
                schema.record(op);
            } catch (RenderException e) {
                refusals.add(l.where() + ": " + op.describe() + " — " + e.getMessage());
                continue;
            }
            if (treatment == Treatment.CARRIED) mark = model(schema);
        }
        out.addAll(difference(mark, model(schema)));
        return out;
    }

    private static List<Operation> difference(SchemaModel from, SchemaModel to) {
        return SchemaComparator.compare(to, from, SchemaComparator.Rules.DECLARED).stream().map(Difference::upgrade).toList();
    }

    /** The tracked tables as a model the comparator reads, each index on its table. */
    private static SchemaModel model(OfflineSchema schema) {
        return new SchemaModel(schema.knownTables());
    }

    /** Which treatment an operation gets, and why when refused. */
    private static final class Classifier implements OperationVisitor<Treatment> {
        private final OfflineSchema schema;
        String why;

        Classifier(OfflineSchema schema) { this.schema = schema; }

        private Treatment refuse(String reason) { why = reason; return Treatment.REFUSED; }

        /** A change to a table: folded when the offline schema knows the table and no schema is named. */
        private Treatment onTable(String schemaName, String table) {
            if (schemaName != null) return refuse("it names schema '" + schemaName + "', and a squash writes tables of the default schema only; squash a run without it");
            return schema.table(null, table).isPresent() ? Treatment.FOLDED : Treatment.CARRIED;
        }

        @Override public Treatment visitCreateTable(CreateTable o) {
            return o.schema() != null ? onTable(o.schema(), o.name()) : Treatment.FOLDED;
        }
        @Override public Treatment visitDropTable(DropTable o) { return onTable(o.schema(), o.name()); }
        @Override public Treatment visitRenameTable(RenameTable o) { return carried(o.schema()); }
        @Override public Treatment visitAddColumn(AddColumn o) { return onTable(o.schema(), o.table()); }
        @Override public Treatment visitDropColumn(DropColumn o) { return onTable(o.schema(), o.table()); }

        @Override public Treatment visitAlterColumn(AlterColumn o) {
            if (o.newName() != null || o.using() != null) return carried(o.schema());
            return onTable(o.schema(), o.table());
        }

        @Override public Treatment visitRenameColumn(RenameColumn o) { return carried(o.schema()); }

        @Override public Treatment visitCreateIndex(CreateIndex o) {
            if (o.where() != null || o.concurrently())
                return refuse("a partial or concurrent index cannot be written back as source yet; create it in a revision outside the run");
            return onTable(o.schema(), o.table());
        }

        @Override public Treatment visitDropIndex(DropIndex o) {
            if (o.concurrently()) return refuse("a concurrent index drop cannot be written back as source yet; drop it in a revision outside the run");
            if (o.schema() != null) return onTable(o.schema(), o.table());
            boolean known = schema.knownTables().stream().anyMatch(t -> t.hasIndex(o.name()));
            return known ? Treatment.FOLDED : Treatment.CARRIED;
        }

        @Override public Treatment visitCreateUniqueConstraint(CreateUniqueConstraint o) { return onTable(o.schema(), o.table()); }
        @Override public Treatment visitCreatePrimaryKey(CreatePrimaryKey o) { return onTable(o.schema(), o.table()); }
        @Override public Treatment visitCreateCheckConstraint(CreateCheckConstraint o) { return onTable(o.schema(), o.table()); }
        @Override public Treatment visitCreateForeignKey(CreateForeignKey o) { return onTable(o.schema(), o.table()); }
        @Override public Treatment visitDropConstraint(DropConstraint o) { return onTable(o.schema(), o.table()); }
        @Override public Treatment visitTableComment(TableComment o) { return onTable(o.schema(), o.table()); }

        @Override public Treatment visitInsert(Insert o) { return carried(o.schema()); }
        @Override public Treatment visitExecuteSql(ExecuteSql o) { return Treatment.CARRIED; }
        // The file's statements are opaque to the offline schema, so they run as written, in order.
        @Override public Treatment visitSqlFile(SqlFile o) { return Treatment.CARRIED; }
        // Validation checks rows; it must run after the same DDL it followed in the run, so it is carried in order.
        @Override public Treatment visitValidateConstraint(ValidateConstraint o) { return carried(o.schema()); }

        @Override public Treatment visitOnDialect(OnDialect o) {
            return refuse("what an onDialect block does depends on the database, and one squash serves them all; keep it in a revision outside the run");
        }

        @Override public Treatment visitRunWithConnection(RunWithConnection o) {
            return refuse("a connection { } block is compiled code, which squash cannot copy into a new script; move it to a revision outside the run");
        }

        @Override public Treatment visitAutocommit(Autocommit o) {
            return refuse("an autocommit block must run outside the squash's transaction as written; keep it in a revision outside the run");
        }

        private Treatment carried(String schemaName) {
            if (schemaName != null) return refuse("it names schema '" + schemaName + "', and a squash writes tables of the default schema only; squash a run without it");
            return Treatment.CARRIED;
        }
    }
}
