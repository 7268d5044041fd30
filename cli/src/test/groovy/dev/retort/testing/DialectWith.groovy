package dev.retort.testing

import dev.retort.dsl.dialect.Capabilities
import dev.retort.dsl.dialect.Dialect
import dev.retort.dsl.dialect.Dialects
import java.lang.reflect.InvocationHandler
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Proxy

/**
 * A registered dialect in every respect but its capabilities, which {@code change} edits: H2 claiming
 * {@code statementBatches} covers the batched run on every machine; PostgreSQL without it gives the one-by-one run
 * to compare with. A proxy rather than a subclass, so every method the dialect has, now or later, is its own.
 */
final class DialectWith {
    private DialectWith() {}

    static Dialect capabilities(String name, Closure<Capabilities> change) {
        Dialect real = Dialects.byName(name)
        Capabilities changed = change(real.capabilities())
        InvocationHandler handler = { Object proxy, Method method, Object[] args ->
            if (method.name == 'capabilities' && method.parameterCount == 0) return changed
            try {
                return method.invoke(real, args)
            } catch (InvocationTargetException e) {
                throw e.cause
            }
        }
        (Dialect) Proxy.newProxyInstance(Dialect.classLoader, [Dialect] as Class[], handler)
    }
}
