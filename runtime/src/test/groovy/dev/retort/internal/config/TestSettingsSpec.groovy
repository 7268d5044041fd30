package dev.retort.internal.config

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** The test kit's keys: test_url, test_user, test_password and test_labels, layered like every key. */
class TestSettingsSpec extends Specification {
    @TempDir Path dir

    def "test_* keys are read from the file, the environment and -x, and are not unknown keys"() {
        given:
        Files.createDirectories(dir.resolve('versions'))
        Path f = dir.resolve('retort.ini')
        f.text = '''[retort]
            test_url = jdbc:postgresql://db/postgres
            test_user = ci
            test_labels = billing, shipping
            '''.stripIndent()

        when:
        def c = ConfigLoader.load(f, null, [test_user: 'x-user'], [RETORT_TEST_PASSWORD: 's3cret'], [:])

        then:
        c.test().url() == 'jdbc:postgresql://db/postgres'
        c.test().user() == 'x-user'
        c.test().password() == 's3cret'
        c.test().labels() == ['billing', 'shipping']
        c.warnings() == []
        !c.test().toString().contains('s3cret')
    }

    def "without them there is no test_url and no labels"() {
        given:
        Files.createDirectories(dir.resolve('versions'))
        Path f = dir.resolve('retort.ini')
        f.text = '[retort]\n'

        expect:
        ConfigLoader.load(f, null, [:], [:], [:]).test() == new TestSettings(null, null, null, [])
    }
}
