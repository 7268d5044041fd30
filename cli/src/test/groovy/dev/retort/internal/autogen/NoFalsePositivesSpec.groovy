package dev.retort.internal.autogen

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A database built by Retort's own migrations matches a model of the same schema: {@code check} finds nothing,
 * whatever way the database restates types, defaults, keys and indexes.
 */
class NoFalsePositivesSpec extends Specification {
    @TempDir Path tmp

    static final Path ROOT = Path.of('..').toAbsolutePath().normalize()

    /** The model files of samples that carry both revisions and a model ({@code model.groovy} or {@code model.kts}). */
    static List<Path> samplesWithModels() {
        Path samples = ROOT.resolve('samples')
        if (!Files.isDirectory(samples)) return []
        Files.list(samples).withCloseable { s ->
            s.filter { Files.isDirectory(it.resolve('versions')) }.flatMap { sample ->
                ['model.groovy', 'model.kts'].collect { sample.resolve(it) }.findAll { Files.exists(it) }.stream()
            }.sorted().toList()
        }
    }

    AutogenProject project(String name, String dialect, Path versions, Path model) {
        def round = new AutogenerateRoundTripSpec(tmp: tmp)
        def p = new AutogenProject(tmp.resolve(name), dialect, round.urlFor(dialect))
        Files.writeString(p.dir.resolve('retort.ini'), """\
[retort]
version_locations = ${versions.toAbsolutePath()}
url = ${p.url}
model = ${model.toAbsolutePath()}
""")
        p
    }

    @IgnoreIf({ !AutogenerateRoundTripSpec.available(data.dialect) })
    def "check is clean right after upgrading the default project on #dialect"() {
        given:
        def model = Path.of(getClass().getResource('/autogen/default-project-model.groovy').toURI())
        def p = project('default', dialect, ROOT.resolve('versions'), model)

        expect:
        p.run('upgrade', 'head') == 0
        p.run('check') == 0
        p.lastOut().trim() == 'No new upgrade operations detected.'

        where:
        dialect << ['h2', 'postgresql', 'mariadb', 'sqlite']
    }

    @IgnoreIf({ NoFalsePositivesSpec.samplesWithModels().isEmpty() })
    def "check is clean right after upgrading sample #sample.fileName with its #model.fileName on H2"() {
        given:
        def p = project(sample.fileName.toString(), 'h2', sample.resolve('versions'), model)

        expect:
        p.run('upgrade', 'head') == 0
        p.run('check') == 0
        p.lastOut().trim() == 'No new upgrade operations detected.'

        where:
        model << samplesWithModels()
        sample = model.parent
    }
}
