package dev.retort.internal.autogen

import dev.retort.dsl.op.Autocommit
import dev.retort.dsl.op.ExecuteSql
import dev.retort.dsl.op.Operation
import dev.retort.internal.script.RevisionLoader
import dev.retort.internal.script.VersionScanner
import dev.retort.testing.ScriptProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** Operations written as Groovy compile back to the very operations they were written from, every kind the renderer writes. */
class GroovySourceRendererSpec extends Specification {
    @TempDir Path tmp

    /** The operations an upgrade block of these statements records, loaded as a revision script is. */
    List<Operation> operationsOf(String statements) {
        def project = new ScriptProject(tmp)
        project.write('r.groovy', "revision '111111111111'\nupgrade {\n" + statements + '\n}\n')
        RevisionLoader.standard(project.cache).loadAll(VersionScanner.scan([project.versions], false))[0].upgrade()
    }

    def "the Groovy written for every statement compiles back to the operations it was written from"() {
        given:
        def statements = KotlinSourceRendererSpec.STATEMENTS*.get(0)
        def recorded = operationsOf(statements.join('\n'))

        expect:
        recorded.size() == statements.size()
        operationsOf(new GroovySourceRenderer().render(recorded)) == recorded
    }

    def "a block that only a person writes is refused by name"() {
        when:
        new GroovySourceRenderer().render([new Autocommit([new ExecuteSql('SELECT 1', null)])])

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'autogenerate does not write autocommit { … }'
    }
}
