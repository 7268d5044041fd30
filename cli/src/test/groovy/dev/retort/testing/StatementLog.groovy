package dev.retort.testing

import java.lang.reflect.InvocationHandler
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Proxy
import java.sql.Connection
import java.sql.DriverManager
import java.sql.PreparedStatement
import java.sql.Statement
import javax.sql.DataSource

/**
 * A data source that records what its connections send: one entry per call that goes to the database (an
 * {@code execute…} of a statement, or an {@code executeBatch} with the statements added to it). Proxies rather than
 * wrappers, so every other JDBC method is the driver's own.
 */
final class StatementLog {
    /** One call that went to the database: {@code batch} for executeBatch, else {@code single}; the SQL it carried. */
    static final class Sent {
        final String kind
        final List<String> sql
        Sent(String kind, List<String> sql) { this.kind = kind; this.sql = List.copyOf(sql) }
        @Override String toString() { "$kind $sql" }
    }

    final List<Sent> sent = Collections.synchronizedList([])
    final DataSource dataSource

    StatementLog(String url) {
        dataSource = (DataSource) Proxy.newProxyInstance(DataSource.classLoader, [DataSource] as Class[], { Object proxy, Method m, Object[] args ->
            if (m.name == 'getConnection') return connection(DriverManager.getConnection(url))
            if (m.name == 'isWrapperFor') return false
            if (m.name == 'getLoginTimeout') return 0
            if (m.name in ['setLoginTimeout', 'setLogWriter']) return null
            if (m.name == 'getLogWriter') return null
            throw new UnsupportedOperationException(m.name)
        } as InvocationHandler)
    }

    /** The batches sent, each as its statements. */
    List<List<String>> batches() { sent.findAll { it.kind == 'batch' }*.sql }

    /** The single statements sent whose SQL starts with {@code prefix} (case-insensitive). */
    List<String> singles(String prefix) {
        sent.findAll { it.kind == 'single' }*.sql.flatten().findAll { it.toUpperCase().startsWith(prefix.toUpperCase()) }
    }

    private Connection connection(Connection real) {
        (Connection) Proxy.newProxyInstance(Connection.classLoader, [Connection] as Class[], { Object proxy, Method m, Object[] args ->
            Object result = invokeOn(real, m, args)
            if (m.name == 'createStatement') return statement((Statement) result, Statement, null)
            if (m.name == 'prepareStatement') return statement((Statement) result, PreparedStatement, (String) args[0])
            return result
        } as InvocationHandler)
    }

    private Statement statement(Statement real, Class<? extends Statement> type, String prepared) {
        List<String> added = []
        (Statement) Proxy.newProxyInstance(type.classLoader, [type] as Class[], { Object proxy, Method m, Object[] args ->
            if (m.name == 'addBatch') added << (args ? (String) args[0] : prepared)
            if (m.name == 'executeBatch' || m.name == 'executeLargeBatch') {
                sent << new Sent('batch', added)
                added.clear()
            } else if (m.name.startsWith('execute')) {
                sent << new Sent('single', [args ? (String) args[0] : prepared])
            }
            invokeOn(real, m, args)
        } as InvocationHandler)
    }

    private static Object invokeOn(Object target, Method m, Object[] args) {
        try {
            m.invoke(target, args)
        } catch (InvocationTargetException e) {
            throw e.cause
        }
    }
}
