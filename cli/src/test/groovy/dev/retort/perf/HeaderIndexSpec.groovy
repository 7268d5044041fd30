package dev.retort.perf

import dev.retort.internal.script.SourceIndex
import dev.retort.internal.script.VersionScanner
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import java.time.temporal.ChronoUnit
import spock.lang.Specification
import spock.lang.TempDir

/**
 * heads and history read a file's header only when its size or modification time changed since the last run; the
 * index beside the compile cache answers for the rest. Counted: files read per scan.
 */
class HeaderIndexSpec extends Specification {
    @TempDir Path dir

    static String rev(int i) { String.format('%012x', 0xb00 + i) }

    /** A chain of revisions whose files are old enough to trust (written, then dated an hour back). */
    private TempProject chain(int n) {
        def project = new TempProject(dir)
        (1..n).each { i ->
            Path f = project.write("r${i}.groovy", "revision '${rev(i)}'\n${i > 1 ? "revises '${rev(i - 1)}'\n" : ''}message 'step $i'\n")
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)))
        }
        project
    }

    private Map scan(TempProject project) {
        def index = SourceIndex.open(project.cache, [project.versions])
        def sources = VersionScanner.scan([project.versions], false, index)
        [read: index.filesRead(), messages: sources.collectEntries { [it.revision().id(), it.revision().message()] }]
    }

    /** Rewrites a file with text of the same length and puts its old modification time back. */
    private static void sameSizeSameTime(Path file, String from, String to) {
        assert from.length() == to.length()
        FileTime before = Files.getLastModifiedTime(file)
        file.text = file.text.replace(from, to)
        Files.setLastModifiedTime(file, before)
    }

    def "a second scan reads no file; one edited file is read again, and only it"() {
        given:
        def project = chain(120)

        expect: 'the first scan reads every file, the second none'
        scan(project).read == 120
        scan(project).read == 0

        when: 'one file changes size'
        Path edited = project.versions.resolve('r7.groovy')
        edited.text = edited.text.replace("message 'step 7'", "message 'step seven'")
        Files.setLastModifiedTime(edited, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)))
        def third = scan(project)

        then:
        third.read == 1
        third.messages[rev(7)] == 'step seven'
        scan(project).read == 0
    }

    def "an unchanged size and time is trusted: the header comes from the index, not the file"() {
        given:
        def project = chain(100)
        scan(project)

        when: 'the text changes but its size and time are put back'
        sameSizeSameTime(project.versions.resolve('r2.groovy'), "message 'step 2'", "message 'STEP 2'")

        then: 'the index answers (this is the case the size and time cannot see)'
        scan(project).messages[rev(2)] == 'step 2'
    }

    def "a file dated in the future (clock skew) or close to the index's own time is always read"() {
        given:
        def project = chain(100)
        Path future = project.versions.resolve('r2.groovy')
        Files.setLastModifiedTime(future, FileTime.from(Instant.now().plus(1, ChronoUnit.HOURS)))
        Path fresh = project.versions.resolve('r3.groovy')
        // Just ahead of the clock: still to come, or within the two seconds before the index was written (racy).
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().plusSeconds(30)))
        scan(project)

        when: 'both change with their size and time kept'
        sameSizeSameTime(future, "message 'step 2'", "message 'STEP 2'")
        sameSizeSameTime(fresh, "message 'step 3'", "message 'STEP 3'")
        def again = scan(project)

        then:
        again.read == 2
        again.messages[rev(2)] == 'STEP 2'
        again.messages[rev(3)] == 'STEP 3'
    }

    def "a deleted file leaves the graph, and a damaged index is ignored and rewritten"() {
        given:
        def project = chain(101)
        scan(project)

        when:
        Files.delete(project.versions.resolve('r101.groovy'))
        def afterDelete = scan(project)
        Files.list(project.cache.resolve('sources')).withCloseable { s -> s.toList() }.each { it.bytes = 'garbage'.bytes }
        def afterDamage = scan(project)

        then:
        afterDelete.read == 0
        afterDelete.messages.size() == 100
        !afterDelete.messages.containsKey(rev(101))
        afterDamage.read == 100
        scan(project).read == 0
    }

    def "a small project is read whole every time and keeps no index"() {
        given:
        def project = chain(99)

        expect:
        scan(project).read == 99
        scan(project).read == 99
        !Files.exists(project.cache)
    }

    def "heads through the CLI prints the same on the first and the second run"() {
        given:
        def project = chain(120)

        when:
        def first = project.run('heads')
        def second = project.run('heads')

        then:
        first.exitCode == 0
        first.out == second.out
        first.out.contains(rev(120))
        Files.list(project.cache.resolve('sources')).withCloseable { s -> s.count() } == 1
    }
}
