package dev.retort.maven

import java.nio.file.Files
import java.nio.file.Path
import org.apache.maven.model.Resource
import org.apache.maven.plugin.MojoExecutionException
import org.apache.maven.plugin.MojoFailureException
import spock.lang.Specification
import spock.lang.TempDir

/** The goals run in-process on a Maven-shaped project folder and an H2 file database, with a recording log. */
class GoalsSpec extends Specification {
    @TempDir Path project
    RecordingLog log = new RecordingLog()

    def setup() {
        Path versions = Files.createDirectories(project.resolve('src/main/resources/db/retort'))
        Files.writeString(versions.resolve('2026_01_01_0000-aaaa00000001_create_people.groovy'), '''\
            revision 'aaaa00000001'
            message 'create people'

            upgrade {
                createTable('people') {
                    column 'id', integer, primaryKey: true
                }
            }
            downgrade {
                dropTable 'people'
            }
            '''.stripIndent())
        Files.writeString(versions.resolve('2026_01_01_0001-aaaa00000002_add_email.groovy'), '''\
            revision 'aaaa00000002'
            revises 'aaaa00000001'
            message 'add email'

            upgrade {
                addColumn 'people', 'email', string(200)
            }
            downgrade {
                dropColumn 'people', 'email'
            }
            '''.stripIndent())
    }

    /** A goal as Maven configures it for this project: the project's folders, an H2 file under target/. */
    private <T extends RetortMojo> T goal(Class<T> type, Map settings = [:]) {
        T mojo = type.getDeclaredConstructor().newInstance()
        mojo.basedir = project.toFile()
        mojo.buildDirectory = project.resolve('target').toFile()
        mojo.outputDirectory = project.resolve('target/classes').toFile()
        mojo.resources = [new Resource(directory: 'src/main/resources')]
        mojo.url = "jdbc:h2:file:${project}/target/db/app".toString()
        mojo.user = 'sa'
        settings.each { k, v -> mojo."$k" = v }
        mojo.log = log
        mojo
    }

    private List<String> infoOf(Closure run) {
        log.lines.clear()
        run()
        log.info()
    }

    def "upgrade, current, history and downgrade print the command's own lines into the Maven log"() {
        expect: 'without a retort.ini the revisions come from src/main/resources/db/retort'
        infoOf { goal(UpgradeMojo, [target: 'head']).execute() } == [
                'Running upgrade  -> aaaa00000001, create people',
                'Running upgrade aaaa00000001 -> aaaa00000002, add email']
        infoOf { goal(CurrentMojo).execute() } == ['aaaa00000002 (head)']
        infoOf { goal(HistoryMojo).execute() } == [
                'aaaa00000001 -> aaaa00000002 (head), add email',
                '<base> -> aaaa00000001, create people']
        infoOf { goal(DowngradeMojo, [target: '-1']).execute() } == ['Running downgrade aaaa00000002 -> aaaa00000001, add email']
        infoOf { goal(CurrentMojo).execute() } == ['aaaa00000001']

        and: 'the compile cache goes under target/, not beside the pom'
        !Files.exists(project.resolve('.retort'))
    }

    def "a failing goal carries the command's one paragraph, without its 'error:' prefix or a stack trace"() {
        given:
        log.debugEnabled = debug

        when:
        goal(UpgradeMojo, [target: 'ffff99999999']).execute()

        then:
        MojoFailureException e = thrown()
        e.message.contains('ffff99999999')
        !e.message.startsWith('error:')
        !e.message.contains('\tat ')
        !log.lines.any { it.startsWith('[ERROR]') }
        log.lines.any { it.startsWith('[DEBUG] \tat ') } == debug

        where:
        debug << [false, true]
    }

    def "the password reaches the database but never the log, even at debug level"() {
        given:
        log.debugEnabled = true

        when: 'the first connection creates the H2 database with that password'
        goal(UpgradeMojo, [target: 'head', password: 's3cret-value']).execute()
        goal(CurrentMojo, [password: 'wrong-password-value']).execute()

        then: 'a wrong one is refused: the first one was really used'
        MojoFailureException e = thrown()
        !e.message.contains('wrong-password-value')

        and:
        log.lines.any { it.contains('--password ********') }
        !log.toString().contains('s3cret-value')
        !log.toString().contains('wrong-password-value')
    }

    def "sql writes the upgrade's SQL to a file without touching a database"() {
        given:
        Path out = project.resolve('target/retort/upgrade.sql')

        when:
        goal(SqlMojo, [target: 'head', output: out.toFile(), dialect: 'postgresql', url: null]).execute()
        String sql = Files.readString(out)

        then:
        sql.contains('-- Running upgrade  -> aaaa00000001')
        sql.contains('CREATE TABLE people')
        sql.contains('-- Running upgrade aaaa00000001 -> aaaa00000002')
        log.info() == ["Wrote the SQL of upgrade head to ${out}".toString()]
        !Files.exists(project.resolve('target/db'))
    }

    def "<namingConvention> names what the revisions leave unnamed"() {
        given:
        Path out = project.resolve('target/retort/named.sql')

        when:
        goal(SqlMojo, [target: 'head', output: out.toFile(), dialect: 'postgresql', url: null,
                       namingConvention: [pk: 'pk_%(table_name)s']]).execute()

        then:
        Files.readString(out).contains('CONSTRAINT pk_people PRIMARY KEY (id)')
    }

    def "classpath: locations are found in the project's resources; a folder that is not there is a clear error"() {
        expect:
        infoOf { goal(HeadsMojo, [locations: ['classpath:db/retort']]).execute() } == ['aaaa00000002 (head)']

        when:
        goal(HeadsMojo, [locations: [location]]).execute()

        then:
        MojoExecutionException e = thrown()
        e.message.startsWith("<locations> names $location, which ")
        e.message.contains(fix.replace('PROJECT', project.toString()))

        where:
        location               | fix
        'filesystem:nowhere'   | 'PROJECT/nowhere: no such folder; create it'
        'classpath:db/missing' | 'create the folder (usually src/main/resources/db/missing)'
    }

    def "a retort.ini beside the pom is used; <locations> overrides its version_locations; its warnings are Maven warnings"() {
        given:
        Path other = Files.createDirectories(project.resolve('migrations'))
        Files.writeString(other.resolve('2026_01_01_0000-bbbb00000001_only.groovy'), "revision 'bbbb00000001'\nmessage 'only'\n\nupgrade {\n}\n")
        Files.writeString(project.resolve('retort.ini'), "[retort]\nversion_locations = migrations\ncolour = blue\n")

        expect:
        infoOf { goal(HeadsMojo).execute() } == ['bbbb00000001 (head)']
        log.lines.any { it.startsWith('[WARNING] ') && it.contains('colour') && !it.contains('warning:') }
        infoOf { goal(HeadsMojo, [locations: ['filesystem:src/main/resources/db/retort']]).execute() } == ['aaaa00000002 (head)']
    }

    def "a configFile that does not exist is named in the error"() {
        when:
        goal(CurrentMojo, [configFile: project.resolve('conf/retort.ini').toFile()]).execute()

        then:
        MojoExecutionException e = thrown()
        e.message.contains("<configFile> (retort.configFile) names ${project.resolve('conf/retort.ini')}, which does not exist")
    }

    def "skip runs nothing"() {
        when:
        goal(UpgradeMojo, [target: 'head', skip: true]).execute()

        then:
        log.info() == ['Retort: skipped (retort.skip)']
        !Files.exists(project.resolve('target/db'))
    }

    def "lint passes a clean project and fails the build on an error finding, logging it at error level"() {
        expect: 'the two revisions only create a table and add a nullable column'
        infoOf { goal(LintMojo, [all: true, dialect: 'postgresql', url: null]).execute() } == ['No findings in 2 revisions.']

        when:
        Files.writeString(project.resolve('src/main/resources/db/retort/2026_01_01_0002-aaaa00000003_drop_email.groovy'),
                "revision 'aaaa00000003'\nrevises 'aaaa00000002'\nmessage 'drop email'\n\nupgrade {\n    dropColumn 'people', 'email'\n}\n")
        log.lines.clear()
        goal(LintMojo, [range: 'aaaa00000002:aaaa00000003', dialect: 'postgresql', url: null]).execute()

        then:
        MojoFailureException e = thrown()
        e.message.contains('retort lint aaaa00000002:aaaa00000003 --dialect postgresql ended with exit code 1')
        log.info().isEmpty()
        def errors = log.lines.findAll { it.startsWith('[ERROR] ') }
        errors.size() == 1
        errors[0].contains('2026_01_01_0002-aaaa00000003_drop_email.groovy:6 RT102 error: dropColumn people.email')
    }

    def "a goal whose command this Retort lacks fails, naming the goal and the Retort version"() {
        when:
        RetortMojo.requireCommand('upgrade', 'upgrade')

        then:
        notThrown(MojoFailureException)

        when:
        RetortMojo.requireCommand('frobnicate', 'frobnicate')

        then:
        MojoFailureException e = thrown()
        e.message ==~ /the frobnicate goal is not available in this Retort version \(retort [0-9A-Za-z.-]+\): it runs 'retort frobnicate', .*/
    }

    def "list-templates shows a template folder on the plugin's class path as classpath:NAME, in a project with no revisions yet"() {
        given:
        project.resolve('src/main/resources/db/retort').toFile().deleteDir()

        when:
        goal(ListTemplatesMojo).execute()

        then:
        log.info().any { it ==~ /team-standard\s+classpath:team-standard\s+- The team's standard project \(a template on the plugin's class path\)\./ }
        log.info().any { it ==~ /groovy\s+built-in\s+- .*/ }
    }
}
