package dev.retort.dsl

import dev.retort.dsl.groovy.MigrationBuilder
import dev.retort.dsl.groovy.TableBuilder
import dev.retort.dsl.groovy.TypeVocabulary
import dev.retort.dsl.kotlin.MigrationDsl
import dev.retort.dsl.kotlin.TableDsl
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import spock.lang.Specification

/**
 * Both languages offer the same operations: the Groovy builders' public methods and the Kotlin DSL's, compared by
 * name, so an operation added to one and forgotten in the other fails here.
 */
class DslParitySpec extends Specification {
    /** What the builders hold rather than record: the recorded operations, their lines and those lint leaves alone. */
    static final Set<String> NOT_OPERATIONS = ['operations', 'lines', 'assured'] as Set

    /** A class's own public instance methods by name; Kotlin's generated helpers (`foo$default`, internal `x$module`) left out. */
    static Set<String> operationNames(Class<?> type) {
        type.declaredMethods.findAll { Method m ->
            Modifier.isPublic(m.modifiers) && !Modifier.isStatic(m.modifiers) && !m.synthetic && !m.name.contains('$')
        }*.name.toSet() - NOT_OPERATIONS
    }

    def "#kotlin.simpleName offers every operation of #groovy.simpleName, and no other"() {
        expect:
        operationNames(groovy).sort() == operationNames(kotlin).sort()

        where:
        groovy           | kotlin
        MigrationBuilder | MigrationDsl
        TableBuilder     | TableDsl
    }

    def "the comparison sees the operations themselves, nested blocks included"() {
        expect:
        operationNames(MigrationBuilder).containsAll(['createTable', 'alterColumn', 'onDialect', 'autocommit', 'connection',
                                                             'validateConstraint', 'safetyAssured'])
        operationNames(TableBuilder).containsAll(['column', 'foreignKey', 'index', 'check'])
        !operationNames(MigrationBuilder).any { it in operationNames(TypeVocabulary) }
    }
}
