package dev.retort.cli

import dev.retort.internal.command.TemplateCatalog
import dev.retort.testing.CliRun
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

class TemplatesSpec extends Specification {
    @TempDir Path tmp

    private CliRun run(Path project, List<String> args, Map env = [:]) {
        CliRun.of(['-c', project.resolve('retort.ini').toString()] + args, env)
    }

    /** A team's template folder, kept apart from any project: /team-templates/acme. */
    private Path teamTemplates() {
        Path acme = tmp.resolve('team-templates/acme')
        Files.createDirectories(acme.resolve('versions'))
        Files.writeString(acme.resolve('retort.ini'), '''\
            # Acme's standard project: H2 locally, naming by date.
            [retort]
            version_locations = versions
            url = jdbc:h2:file:${here}/.retort/acme
            user = sa
            language = groovy
            '''.stripIndent())
        Files.writeString(acme.resolve('script.groovy.tmpl'), '''\
            // ACME revision, owner ${owner}
            revision ${lit(rev)}
            <% if (downRevisions) { %>revises ${downRevisions.collect { lit(it) }.join(', ')}
            <% } %>message ${lit(message)}

            upgrade {
                execute 'CREATE TABLE ACME_' + ${lit(rev)} + ' (ID INT)'
            }
            downgrade {
                execute 'DROP TABLE ACME_' + ${lit(rev)}
            }
            '''.stripIndent())
        tmp.resolve('team-templates')
    }

    def "init creates a project from the built-in groovy template; revision and upgrade head work in it"() {
        given:
        Path p = tmp.resolve('x')

        when:
        def init = CliRun.of(['-c', tmp.resolve('none.ini').toString(), 'init', p.toString()])
        def rev = run(p, ['revision', '-m', 'first'])
        def up = run(p, ['upgrade', 'head'])
        def current = run(p, ['current'])

        then:
        init.exitCode == 0
        Files.isDirectory(p.resolve('versions'))
        Files.readString(p.resolve('retort.ini')).contains('template = groovy')
        rev.exitCode == 0
        up.exitCode == 0
        up.out.readLines().size() == 1
        up.out.startsWith('Running upgrade  -> ')
        up.out.trim().endsWith(', first')
        current.out.trim().endsWith('(head)')
    }

    def "init refuses a folder that is not empty"() {
        given:
        Path p = Files.createDirectories(tmp.resolve('busy'))
        Files.writeString(p.resolve('notes.txt'), 'keep me')

        when:
        def r = CliRun.of(['-c', tmp.resolve('none.ini').toString(), 'init', p.toString()])

        then:
        r.exitCode == 1
        r.err.contains('already exists and is not empty')
        Files.list(p).count() == 1
    }

    def "a team template folder in template_locations is listed, used by init and by revision"() {
        given:
        Path team = teamTemplates()
        Map env = [RETORT_TEMPLATE_LOCATIONS: team.toString()]
        Path p = tmp.resolve('app')
        Path none = tmp.resolve('none')

        when: 'list-templates, with template_locations from the environment'
        def list = run(none, ['list-templates'], env)

        then:
        list.exitCode == 0
        list.out.readLines().any { it ==~ /acme\s+folder \Q${team.resolve('acme')}\E\s+- Acme's standard project: H2 locally, naming by date\./ }
        list.out.readLines().any { it ==~ /groovy\s+built-in\s+- .*/ }
        list.out.readLines().any { it ==~ /multidb\s+built-in\s+- .*/ }

        when: 'init --template acme'
        def init = run(none, ['init', '--template', 'acme', p.toString()], env)
        String ini = Files.readString(p.resolve('retort.ini'))

        then:
        init.exitCode == 0
        init.out.contains("from template 'acme' (folder ${team.resolve('acme')})")
        ini.contains('template = acme')
        ini.contains('template_locations = ' + team)
        ini.contains('url = jdbc:h2:file:${here}/.retort/acme')
        !Files.exists(p.resolve('script.groovy.tmpl'))

        when: 'revision renders the team template with -x values, and the project lists it too'
        def rev = run(p, ['-x', 'owner=payments', 'revision', '-m', 'acme first', '--rev-id', 'acme00000001'])
        Path file = Files.list(p.resolve('versions')).findFirst().get()
        def up = run(p, ['upgrade', 'head'])
        def projectList = run(p, ['list-templates'])

        then:
        rev.exitCode == 0
        Files.readString(file).startsWith('// ACME revision, owner payments\nrevision \'acme00000001\'')
        up.exitCode == 0
        up.out.contains('Running upgrade  -> acme00000001, acme first')
        projectList.out.contains("folder ${team.resolve('acme')}")
    }

    def "init --template DIR takes a template folder by path"() {
        given:
        Path acme = teamTemplates().resolve('acme')
        Path p = tmp.resolve('by-path')

        when:
        def init = CliRun.of(['-c', tmp.resolve('none.ini').toString(), 'init', '--template', acme.toString(), p.toString()])
        def rev = run(p, ['-x', 'owner=ops', 'revision', '-m', 'one'])

        then:
        init.exitCode == 0
        rev.exitCode == 0
        Files.readString(Files.list(p.resolve('versions')).findFirst().get()).startsWith('// ACME revision, owner ops')
    }

    def "templates in a jar named by template_locations are listed with the jar and can start a project"() {
        given:
        Path jar = tmp.resolve('shared-templates.jar')
        new ZipOutputStream(Files.newOutputStream(jar)).withCloseable { zip ->
            ['templates/lean/retort.ini'            : '# Lean: the smallest project.\n[retort]\nurl = jdbc:h2:mem:lean\n',
             'templates/lean/versions/'             : '',
             'templates/lean/script.groovy.tmpl'    : '// lean\nrevision ${lit(rev)}\nmessage ${lit(message)}\nupgrade {\n}\n'].each { name, text ->
                zip.putNextEntry(new ZipEntry(name))
                zip.write(text.bytes)
                zip.closeEntry()
            }
        }
        Path p = tmp.resolve('lean-app')
        Map env = [RETORT_TEMPLATE_LOCATIONS: jar.toString()]

        when:
        def list = run(tmp.resolve('none'), ['list-templates'], env)
        def init = run(tmp.resolve('none'), ['init', '--template', 'lean', p.toString()], env)
        def rev = run(p, ['revision', '-m', 'lean one'])

        then:
        list.out.readLines().any { it ==~ /lean\s+jar \Q${jar}\E!\/templates\/lean\/\s+- Lean: the smallest project\./ }
        init.exitCode == 0
        Files.isDirectory(p.resolve('versions'))
        Files.readString(p.resolve('retort.ini')).contains('template_locations = ' + jar)
        rev.exitCode == 0
        Files.readString(Files.list(p.resolve('versions')).findFirst().get()).startsWith('// lean\n')
    }

    def "a template named by the project but found nowhere is an error naming the key's line"() {
        given:
        Path p = Files.createDirectories(tmp.resolve('p'))
        Files.createDirectories(p.resolve('versions'))
        Files.writeString(p.resolve('retort.ini'), '[retort]\nuser = sa\ntemplate = nowhere\n')

        when:
        def r = run(p, ['revision', '-m', 'x'])

        then:
        r.exitCode == 1
        r.err.contains("${p.resolve('retort.ini')}:3 [retort]: template = nowhere is neither built in nor in template_locations")
    }

    def "multidb: each database has its own section and versions folder, and upgrade runs them in turn"() {
        given:
        Path p = tmp.resolve('multi')

        when:
        def init = CliRun.of(['-c', tmp.resolve('none.ini').toString(), 'init', '--template', 'multidb', p.toString()])
        def main = run(p, ['-n', 'main', 'revision', '-m', 'main one', '--rev-id', 'aaaa00000001'])
        def audit = run(p, ['-n', 'audit', 'revision', '-m', 'audit one', '--rev-id', 'bbbb00000001'])
        def up = run(p, ['upgrade', 'head'])
        def heads = run(p, ['heads'])
        def auditCurrent = run(p, ['-n', 'audit', 'current'])

        then:
        init.exitCode == 0
        main.exitCode == 0
        audit.exitCode == 0
        Files.list(p.resolve('main/versions')).findFirst().get().fileName.toString().contains('aaaa00000001')
        Files.list(p.resolve('audit/versions')).findFirst().get().fileName.toString().contains('bbbb00000001')
        up.exitCode == 0
        up.out.readLines() == [
                "Database main (jdbc:h2:file:${p}/.retort/main)".toString(),
                'Running upgrade  -> aaaa00000001, main one',
                "Database audit (jdbc:h2:file:${p}/.retort/audit)".toString(),
                'Running upgrade  -> bbbb00000001, audit one']
        heads.exitCode == 1
        heads.err.contains('this project has several databases [main, audit]; choose one with -n NAME')
        auditCurrent.out.trim() == 'bbbb00000001 (head)'
    }

    def "with several version locations a new root needs --version-path; a child goes beside its parent"() {
        given:
        Path p = Files.createDirectories(tmp.resolve('two-folders'))
        ['core', 'extra'].each { Files.createDirectories(p.resolve(it)) }
        Files.writeString(p.resolve('retort.ini'), '[retort]\nversion_locations = core extra\nurl = jdbc:h2:mem:two\n')

        when:
        def noPath = run(p, ['revision', '-m', 'root'])
        def unknownPath = run(p, ['revision', '-m', 'root', '--version-path', tmp.resolve('elsewhere').toString()])
        def root = run(p, ['revision', '-m', 'root', '--rev-id', 'cccc00000001', '--version-path', p.resolve('extra').toString()])
        def child = run(p, ['revision', '-m', 'child', '--rev-id', 'cccc00000002'])

        then:
        noPath.exitCode == 1
        noPath.err.contains('several version locations')
        noPath.err.contains('--version-path')
        unknownPath.exitCode == 1
        unknownPath.err.contains('is not one of the version locations')
        root.exitCode == 0
        child.exitCode == 0
        Files.list(p.resolve('extra')).map { it.fileName.toString() }.toList().collect { it.split('-')[1].split('_')[0] }.sort() ==
                ['cccc00000001', 'cccc00000002']
        Files.list(p.resolve('core')).count() == 0
    }

    /** Needs the built-in kotlin template and the Kotlin compiler (retort-kotlin) on the class path. */
    @Requires({ TestDatabases.present('the kotlin template with the Kotlin compiler (retort-kotlin)',
            TemplateCatalog.builtIn('kotlin').isPresent() && TemplatesSpec.kotlinScriptingPresent()) })
    def "init --template kotlin, revision and upgrade head work end to end"() {
        given:
        Path p = tmp.resolve('kt')

        when:
        def init = CliRun.of(['-c', tmp.resolve('none.ini').toString(), 'init', '--template', 'kotlin', p.toString()])
        def rev = run(p, ['revision', '-m', 'first'])
        def up = run(p, ['upgrade', 'head'])

        then:
        init.exitCode == 0
        rev.exitCode == 0
        Files.list(p.resolve('versions')).findFirst().get().fileName.toString().endsWith('_first.kts')
        up.exitCode == 0
        up.out.startsWith('Running upgrade  -> ')
        up.out.trim().endsWith(', first')
    }

    static boolean kotlinScriptingPresent() {
        try {
            Class.forName('kotlin.script.experimental.api.ScriptCompilationConfiguration')
            return true
        } catch (ClassNotFoundException ignored) {
            return false
        }
    }
}
