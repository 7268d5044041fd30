package dev.retort.dsl.env;

/**
 * A table or a part of one that autogenerate and {@code check} are about to compare, as the environment script's
 * {@code includeObject} sees it (Alembic's {@code include_object}).
 *
 * @param type      what it is: {@link #TABLE}, {@link #COLUMN}, {@link #INDEX}, {@link #UNIQUE_CONSTRAINT} or {@link #FOREIGN_KEY_CONSTRAINT}
 * @param name      its name; null for a constraint the database names itself
 * @param table     the table it belongs to; for a table, its own name
 * @param reflected true when it was read from the database, false when the model declares it
 */
public record SchemaObject(String type, String name, String table, boolean reflected) {
    public static final String TABLE = "table";
    public static final String COLUMN = "column";
    public static final String INDEX = "index";
    public static final String UNIQUE_CONSTRAINT = "unique_constraint";
    public static final String FOREIGN_KEY_CONSTRAINT = "foreign_key_constraint";
}
