package dev.retort.internal.autogen

import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Requires
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

    TempProject project(String name, String dialect, Path versions, Path model) {
        def round = new AutogenerateRoundTripSpec(tmp: tmp)
        new TempProject(tmp.resolve(name), round.urlFor(dialect),
                [version_locations: versions.toAbsolutePath(), model: model.toAbsolutePath()])
    }

    @Requires({ AutogenerateRoundTripSpec.available(data.dialect) })
    def "check is clean right after upgrading the default project on #dialect"() {
        given:
        def model = Path.of(getClass().getResource('/autogen/default-project-model.groovy').toURI())
        def p = project('default', dialect, ROOT.resolve('versions'), model)

        expect:
        p.run('upgrade', 'head').exitCode == 0
        with(p.run('check')) {
            exitCode == 0
            out.trim() == 'No new upgrade operations detected.'
        }

        where:
        dialect << ['h2', 'postgresql', 'mariadb', 'sqlite']
    }

    @Requires({ TestDatabases.present('a sample with revisions and a model', !NoFalsePositivesSpec.samplesWithModels().isEmpty()) })
    def "check is clean right after upgrading sample #sample.fileName with its #model.fileName on H2"() {
        given:
        def p = project(sample.fileName.toString(), 'h2', sample.resolve('versions'), model)

        expect:
        p.run('upgrade', 'head').exitCode == 0
        with(p.run('check')) {
            exitCode == 0
            out.trim() == 'No new upgrade operations detected.'
        }

        where:
        model << samplesWithModels()
        sample = model.parent
    }
}
