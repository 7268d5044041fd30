package dev.retort.samples

import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class EmbeddedMigrationsSpec extends Specification {
    @TempDir Path dir

    def "the embedded application migrates its database at start-up, and a restart finds it at head"() {
        given:
        def url = "jdbc:h2:file:${dir}/app"
        def out = new ByteArrayOutputStream()
        def saved = System.out
        System.out = new PrintStream(out, true)

        when:
        EmbeddedMigrations.main(url)
        EmbeddedMigrations.main(url)

        then:
        out.toString().readLines() == [
                'Running upgrade  -> 5e6f7a8b9c0d, create pedidos',
                'Running upgrade 5e6f7a8b9c0d -> 6f7a8b9c0d1e, add status to pedidos',
                'Applied 2 revision(s)',
                'Current: 6f7a8b9c0d1e',
                'pedidos has 0 row(s); the application can start',
                'Database already at head',
                'Current: 6f7a8b9c0d1e',
                'pedidos has 0 row(s); the application can start']

        cleanup:
        System.out = saved
    }
}
