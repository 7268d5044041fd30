package dev.retort.testing

import java.lang.reflect.InvocationHandler
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Proxy
import java.sql.CallableStatement
import java.sql.Connection
import java.sql.DatabaseMetaData
import java.sql.PreparedStatement
import java.sql.Statement
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger
import javax.sql.DataSource

/**
 * A DataSource that counts what Retort asks of the database: connections opened, statements sent (their SQL, in order)
 * and catalog lookups ({@code DatabaseMetaData.getTables} and the like). Work is counted, never timed.
 */
final class JdbcCounter {
    final AtomicInteger connections = new AtomicInteger()
    final List<String> statements = new CopyOnWriteArrayList<>()
    final List<String> lookups = new CopyOnWriteArrayList<>()

    DataSource wrap(DataSource target) {
        proxy(DataSource, target) { Method m, Object result ->
            if (m.name == 'getConnection') {
                connections.incrementAndGet()
                return connection((Connection) result)
            }
            result
        }
    }

    void reset() {
        connections.set(0)
        statements.clear()
        lookups.clear()
    }

    private Connection connection(Connection c) {
        proxy(Connection, c) { Method m, Object result, Object[] args ->
            switch (m.name) {
                case 'createStatement': return statement(Statement, (Statement) result, null)
                case 'prepareStatement': return statement(PreparedStatement, (Statement) result, (String) args[0])
                case 'prepareCall': return statement(CallableStatement, (Statement) result, (String) args[0])
                case 'getMetaData': return metaData((DatabaseMetaData) result)
                default: return result
            }
        }
    }

    private <T extends Statement> T statement(Class<T> type, Statement s, String preparedSql) {
        proxy(type, s) { Method m, Object result, Object[] args ->
            if (m.name.startsWith('execute')) statements << (args && args[0] instanceof String ? (String) args[0] : preparedSql)
            result
        }
    }

    private DatabaseMetaData metaData(DatabaseMetaData md) {
        proxy(DatabaseMetaData, md) { Method m, Object result, Object[] args ->
            if (m.returnType == java.sql.ResultSet) lookups << "${m.name}(${args?.findAll { it instanceof String }?.join(', ')})".toString()
            result
        }
    }

    /** A proxy that calls the target, then lets {@code after} see (and replace) the result. */
    private static <T> T proxy(Class<T> type, Object target, Closure after) {
        (T) Proxy.newProxyInstance(JdbcCounter.classLoader, [type] as Class[], { Object p, Method m, Object[] args ->
            Object result
            try {
                result = m.invoke(target, args)
            } catch (InvocationTargetException e) {
                throw e.cause
            }
            after.maximumNumberOfParameters == 2 ? after.call(m, result) : after.call(m, result, args)
        } as InvocationHandler)
    }
}
