package dev.retort.dsl.groovy;

import dev.retort.dsl.op.CreateTable;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.List;
import java.util.Map;

/**
 * The base class of a Groovy model script ({@code model.groovy}): the schema the database should have, declared
 * with the same {@code createTable} builder as revisions. Autogenerate compares it with the live database.
 */
public abstract class ModelScript extends Script {
    private final MigrationBuilder tables = new MigrationBuilder();

    public void createTable(Map<String, ?> options, String name,
                            @DelegatesTo(value = TableBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        tables.createTable(options, name, body);
    }

    public void createTable(String name, @DelegatesTo(value = TableBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        tables.createTable(name, body);
    }

    /** The tables declared, in order; call after {@link #run()}. */
    public List<CreateTable> tables() {
        return tables.operations().stream().map(CreateTable.class::cast).toList();
    }
}
