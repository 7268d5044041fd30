package dev.retort.testing

import dev.retort.dsl.dialect.Capabilities
import dev.retort.dsl.dialect.Dialect
import dev.retort.dsl.dialect.Dialects
import java.lang.reflect.InvocationHandler
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Proxy

/**
 * H2's dialect in every respect but one: its capabilities say DDL commits by itself, as on MySQL and MariaDB. With
 * it the resumable statement-by-statement run is covered on every machine. A proxy rather than a subclass, so every
 * method the dialect has, now or later, is H2's own.
 */
final class NonTransactionalH2 {
    private NonTransactionalH2() {}

    static Dialect dialect() {
        Dialect h2 = Dialects.byName('h2')
        Capabilities own = h2.capabilities()
        Capabilities commitsItself = Capabilities.ddlCommitsItself(own.beginStatement())
                .withPartialIndexes(own.partialIndexes()).withIfExists(own.ifExists())
        InvocationHandler handler = { Object proxy, Method method, Object[] args ->
            if (method.name == 'capabilities' && method.parameterCount == 0) return commitsItself
            try {
                return method.invoke(h2, args)
            } catch (InvocationTargetException e) {
                throw e.cause
            }
        }
        (Dialect) Proxy.newProxyInstance(Dialect.classLoader, [Dialect] as Class[], handler)
    }
}
