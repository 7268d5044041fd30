package dev.retort.api

import java.lang.reflect.Executable
import java.lang.reflect.Field
import java.lang.reflect.GenericArrayType
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.lang.reflect.RecordComponent
import java.lang.reflect.Type
import java.lang.reflect.TypeVariable
import java.lang.reflect.WildcardType
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification

/** dev.retort.api is what applications compile against: nothing it exposes may name an internal type. */
class PublicSurfaceSpec extends Specification {

    /** Every class of dev.retort.api, read from where this build put them. */
    static List<Class<?>> apiClasses() {
        Path folder = Path.of(Retort.getResource('Retort.class').toURI()).parent
        Files.list(folder).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.endsWith('.class') }.sorted().toList() }
                .collect { Class.forName('dev.retort.api.' + (it - '.class'), false, Retort.classLoader) }
    }

    static boolean visible(int modifiers) { Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers) }

    /** The classes a type names, generics, arrays and bounds included. */
    static Set<Class<?>> named(Type type) {
        // instanceof, not a switch: Groovy's "case Class:" on a Class value tests assignability, not the value's type.
        if (type instanceof Class) return type.isArray() ? named(type.componentType) : [type] as Set
        if (type instanceof ParameterizedType) return (named(type.rawType) + type.actualTypeArguments.collectMany { named(it) }) as Set
        if (type instanceof GenericArrayType) return named(type.genericComponentType)
        if (type instanceof WildcardType) return (type.upperBounds + type.lowerBounds).collectMany { named(it) } as Set
        if (type instanceof TypeVariable) return type.bounds.collectMany { named(it) } as Set
        [] as Set
    }

    /** "Class.member: type" for every public signature part that names a dev.retort.internal type. */
    static List<String> internalTypesExposed(Class<?> c) {
        List<String> out = []
        def check = { String where, Type t ->
            named(t).findAll { it.name.startsWith('dev.retort.internal.') }.each { out << "$where: ${it.name}".toString() }
        }
        if (c.genericSuperclass) check("${c.name} extends", c.genericSuperclass)
        c.genericInterfaces.each { check("${c.name} implements", it) }
        c.declaredFields.findAll { Field f -> visible(f.modifiers) }.each { check("${c.name}.${it.name}", it.genericType) }
        (c.declaredMethods.toList() + c.declaredConstructors.toList()).findAll { Executable e -> visible(e.modifiers) && !e.synthetic }.each { Executable e ->
            e.genericParameterTypes.each { check("${c.name}.${e.name}(…)", it) }
            e.genericExceptionTypes.each { check("${c.name}.${e.name} throws", it) }
            if (e instanceof Method) check("${c.name}.${e.name} returns", ((Method) e).genericReturnType)
        }
        c.recordComponents?.each { RecordComponent r -> check("${c.name}.${r.name}", r.genericType) }
        out
    }

    def "no public or protected signature in dev.retort.api names a dev.retort.internal type"() {
        given:
        def publicClasses = apiClasses().findAll { visible(it.modifiers) }

        expect: 'the scan sees the engine and its records, so an empty result means something'
        [Retort, Retort.Builder, RetortException, StepResult, RevisionInfo, Difference, CompiledRevisions].every { it in publicClasses }
        publicClasses.collectMany { internalTypesExposed(it) } == []
    }

    def "the check itself finds an internal type in a signature"() {
        expect:
        internalTypesExposed(Leaky) == ['dev.retort.api.PublicSurfaceSpec$Leaky.config returns: dev.retort.internal.config.RetortConfig']
    }

    static class Leaky {
        public dev.retort.internal.config.RetortConfig config() { null }
    }
}
