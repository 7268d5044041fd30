package dev.retort.dsl.groovy;

import dev.retort.dsl.op.RunWithConnection;
import groovy.lang.Closure;

/**
 * Calls a Groovy {@code connection { }} block. A two-parameter block also gets a {@code groovy.sql.Sql}; that
 * class lives in groovy-sql, which the runtime has and the DSL does not, so it is made by name.
 */
final class GroovyConnectionCallback implements RunWithConnection.ConnectionCallback {
    private final Closure<?> block;

    GroovyConnectionCallback(Closure<?> block) { this.block = block; }

    @Override public void run(Object connection) throws Exception {
        if (block.getMaximumNumberOfParameters() >= 2) {
            Class<?> sqlClass = Class.forName("groovy.sql.Sql", true, Thread.currentThread().getContextClassLoader());
            Class<?> jdbcConnection = Class.forName("java.sql.Connection");
            Object sql = sqlClass.getConstructor(jdbcConnection).newInstance(connection);
            block.call(connection, sql);
        } else {
            block.call(connection);
        }
    }
}
