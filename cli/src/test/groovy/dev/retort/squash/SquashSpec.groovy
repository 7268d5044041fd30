package dev.retort.squash

import dev.retort.testing.CliRun
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code retort squash} on a real database: the run r1..r5 squashed, then a fresh database (it takes the squash), one
 * that was at r2 (it goes on with the originals) and one built from the originals before the squash existed (at r5, it
 * now counts as at the squash) all reach the head with equal schemas and rows, and the squash goes back down to r0.
 * Each database gets a subclass; both languages run on each.
 */
abstract class SquashSpec extends Specification {
    static final String SQUASH = 'sq0000000001'
    static final List<String> OWN_TABLES = ['retort_version', 'retort_history', 'retort_version_lock']

    @TempDir Path tmp

    /** A new, empty database of this name (unique to the squash specs) and the [retort] keys to reach it. */
    abstract Map<String, String> database(String name)

    /** A project on its own database; all of a feature's projects read the revisions of the first one's versions folder. */
    TempProject project(String name, String language, TempProject sharing = null) {
        Map<String, String> db = database("retort_squash_${name}_$language")
        Map<String, Object> settings = [language: language] + db.findAll { it.key != 'url' }
        if (sharing) settings.version_locations = sharing.versions.toString()
        new TempProject(tmp.resolve(name), db.url, settings)
    }

    static String say(CliRun r) { r.out + r.err }

    static SchemaSnapshot schema(TempProject p) { SchemaSnapshot.read(p).without(OWN_TABLES) }

    def "a squashed run: fresh, inside and past databases end equal, and the squash goes back down (#language)"() {
        given: 'the seven revisions, and two databases that exist before the squash: one at r2, one at the end of the run'
        def fresh = project('fresh', language)
        (0..6).each { fresh.write(SquashRun.fileName(language, it), SquashRun.text(language, it)) }
        def inside = project('inside', language, fresh)
        def past = project('past', language, fresh)
        def reference = project('reference', language, fresh)
        assert inside.run('upgrade', 'r20000000000').exitCode == 0
        assert past.run('upgrade', 'r50000000000').exitCode == 0

        when:
        def squash = fresh.run('squash', 'r1000', 'r5000', '-m', 'autores e livros', '--rev-id', SQUASH)

        then: 'one revision in the project language, revising r0 and replacing the run; the graph has one head'
        squash.exitCode == 0
        say(squash).contains("Squashed 5 revisions (${SquashRun.RUN.join(', ')}) into $SQUASH")
        def text = fresh.revisionText(SQUASH)
        language == 'kotlin' ? text.contains('replaces("r10000000000", "r20000000000", "r30000000000", "r40000000000", "r50000000000")')
                : text.contains("replaces 'r10000000000', 'r20000000000', 'r30000000000', 'r40000000000', 'r50000000000'")
        fresh.run('heads').out.trim() == 'r60000000000 (head)'
        fresh.run('history').lines() == ["$SQUASH -> r60000000000 (head), step 6", "r00000000000 -> $SQUASH, autores e livros",
                                         '<base> -> r00000000000, step 0']

        when: 'a fresh database upgrades'
        def up = fresh.run('upgrade', 'head')

        then: 'it takes the squash'
        up.exitCode == 0
        say(up).contains("Running upgrade r00000000000 -> $SQUASH, autores e livros")
        !say(up).contains('r10000000000')
        fresh.run('current').out.trim() == 'r60000000000 (head)'

        when: 'the database at r2 upgrades'
        def insideCurrent = inside.run('current')
        def insideUp = inside.run('upgrade', 'head')

        then: 'it was shown at r2 and goes on with the originals'
        insideCurrent.out.trim() == 'r20000000000'
        insideUp.exitCode == 0
        say(insideUp).contains('Running upgrade r20000000000 -> r30000000000')
        say(insideUp).contains('Running upgrade r50000000000 -> r60000000000')
        !say(insideUp).contains(SQUASH)
        inside.run('current').out.trim() == 'r60000000000 (head)'

        when: 'the database built from the originals up to r5 upgrades'
        def pastCurrent = past.run('current')
        def pastUp = past.run('upgrade', 'head')

        then: 'it counts as at the squash and runs only r6'
        pastCurrent.out.trim() == SQUASH
        pastUp.exitCode == 0
        say(pastUp).contains("Running upgrade $SQUASH -> r60000000000")
        SchemaSnapshot.versions(past) == [['r60000000000']]

        and: 'the three schemas and their rows are equal'
        schema(fresh) == schema(inside)
        schema(fresh) == schema(past)
        schema(fresh).tables.keySet() == ['autor', 'editora', 'livro'] as Set
        [fresh, inside, past].collect { it.rows('SELECT id, nome, pais FROM autor') }.unique() == [[['1', 'Machado', null]]]

        when: 'the fresh database goes back to r0'
        def down = fresh.run('downgrade', 'r00000000000')
        assert reference.run('upgrade', 'r00000000000').exitCode == 0

        then: 'through the squash, to the schema r0 leaves'
        down.exitCode == 0
        say(down).contains("Running downgrade $SQUASH -> r00000000000")
        schema(fresh) == schema(reference)
        SchemaSnapshot.versions(fresh) == [['r00000000000']]

        where:
        language << ['groovy', 'kotlin']
    }
}
