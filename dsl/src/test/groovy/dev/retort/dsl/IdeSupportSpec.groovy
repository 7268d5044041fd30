package dev.retort.dsl

import dev.retort.dsl.groovy.EnvScript
import dev.retort.dsl.groovy.MigrationBuilder
import dev.retort.dsl.groovy.RevisionScript
import dev.retort.dsl.groovy.TableBuilder
import dev.retort.dsl.kotlin.EnvDsl
import dev.retort.dsl.kotlin.ModelDsl
import dev.retort.dsl.kotlin.RevisionDsl
import groovy.transform.stc.ClosureParams
import java.lang.reflect.Modifier
import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.ScriptCompilationKt
import spock.lang.Specification

/** What IntelliJ needs for completion: the Kotlin script definition marker, the GDSL file and typed closures. */
class IdeSupportSpec extends Specification {
    static final String MARKER_DIR = 'META-INF/kotlin/script/templates/'

    /** Where a class or resource was loaded from: the same jar (or classes folder) means it ships in that jar. */
    static String origin(URL url, String path) { url.toString() - path }

    def "the jar holding the Kotlin script definition #definitionName ships its templates marker"() {
        given:
        def markers = getClass().classLoader.getResources(MARKER_DIR).toList()
        def marker = getClass().classLoader.getResource(MARKER_DIR + definitionName + '.classname')
        def definition = Class.forName(definitionName)
        def classFile = definitionName.replace('.', '/') + '.class'

        expect:
        !markers.isEmpty()
        marker != null
        origin(marker, MARKER_DIR + definitionName + '.classname') == origin(getClass().classLoader.getResource(classFile), classFile)
        definition.getAnnotation(KotlinScript).fileExtension() == 'kts'
        applies ==~ definition.getAnnotation(KotlinScript).filePathPattern()
        !('build.gradle.kts' ==~ definition.getAnnotation(KotlinScript).filePathPattern())
        !(other ==~ definition.getAnnotation(KotlinScript).filePathPattern())

        where:
        definitionName                        | applies                                   | other
        'dev.retort.dsl.kotlin.RevisionScript' | 'x/versions/2026_01_01_0000-abc_add.kts' | 'x/model.kts'
        'dev.retort.dsl.kotlin.ModelScript'    | 'x/model.kts'                             | 'x/versions/2026_01_01_0000-abc_add.kts'
        'dev.retort.dsl.kotlin.EnvScript'      | 'x/env.kts'                               | 'x/versions/2026_01_01_0000-abc_add.kts'
    }

    def "the #baseClass definition makes #receiver.simpleName the implicit receiver and imports the DSL"() {
        given:
        def keys = ScriptCompilationConfiguration.getDeclaredField('Companion').get(null)

        expect:
        config.get(ScriptCompilationKt.getDefaultImports(keys)) == imports
        config.get(ScriptCompilationKt.getImplicitReceivers(keys))*.typeName == [receiver.name]
        config.get(ScriptCompilationKt.getBaseClass(keys)).typeName == baseClass

        where:
        config                                               | receiver  | baseClass                              | imports
        dev.retort.dsl.kotlin.RevisionScriptCompilation.INSTANCE | RevisionDsl | 'dev.retort.dsl.kotlin.RevisionScript' | ['dev.retort.dsl.kotlin.*']
        dev.retort.dsl.kotlin.ModelScriptCompilation.INSTANCE    | ModelDsl    | 'dev.retort.dsl.kotlin.ModelScript'    | ['dev.retort.dsl.kotlin.*']
        dev.retort.dsl.kotlin.EnvScriptCompilation.INSTANCE      | EnvDsl      | 'dev.retort.dsl.kotlin.EnvScript'      | ['dev.retort.dsl.kotlin.*', 'dev.retort.dsl.env.*']
    }

    def "a GDSL file gives Groovy revisions under versions/ the RevisionScript methods, and env.groovy the EnvScript ones"() {
        given:
        def gdsl = getClass().classLoader.getResource('dev/retort/dsl/groovy/retort.gdsl')?.text

        expect:
        gdsl != null
        gdsl.contains("findClass('${RevisionScript.name}')")
        gdsl.contains("findClass('${EnvScript.name}')")
        gdsl.contains('pathRegexp')
    }

    def "every closure parameter of #type.simpleName's public methods tells the IDE what it runs against"() {
        given:
        def untyped = type.declaredMethods.findAll { Modifier.isPublic(it.modifiers) }.collectMany { m ->
            m.parameters.findAll { it.type == Closure }
                    .findAll { p -> !p.isAnnotationPresent(DelegatesTo) && !p.isAnnotationPresent(ClosureParams) }
                    .collect { "${m.name}(${it.name})" }
        }
        def closures = type.declaredMethods.count { m -> m.parameterTypes.contains(Closure) }

        expect:
        closures >= minimum
        untyped == []

        where:
        type             | minimum
        RevisionScript   | 2
        EnvScript        | 5
        MigrationBuilder | 5
        TableBuilder     | 0
    }
}
