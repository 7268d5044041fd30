package dev.retort.cli

import dev.retort.testing.CliRun
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream
import spock.lang.Specification
import spock.lang.TempDir

/** A team's templates shipped as a Maven artifact: a jar with folders under META-INF/retort/templates/ on the class path. */
class ClasspathTemplatesSpec extends Specification {
    @TempDir Path tmp

    /** What a team's template artifact holds, with the directory entries that maven-jar-plugin writes. */
    private Path templateJar(String name = 'team-templates.jar') {
        Path jar = tmp.resolve(name)
        new ZipOutputStream(Files.newOutputStream(jar)).withCloseable { zip ->
            ['META-INF/'                                              : '',
             'META-INF/retort/'                                       : '',
             'META-INF/retort/templates/'                             : '',
             'META-INF/retort/templates/payments/'                    : '',
             'META-INF/retort/templates/payments/retort.ini'          : '# Payments team: H2 locally.\n[retort]\nversion_locations = versions\nurl = jdbc:h2:file:${here}/.retort/pay\nuser = sa\n',
             'META-INF/retort/templates/payments/versions/'           : '',
             'META-INF/retort/templates/payments/script.groovy.tmpl'  :
                     '''// PAYMENTS revision
                     |revision ${lit(rev)}
                     |<% if (downRevisions) { %>revises ${downRevisions.collect { lit(it) }.join(', ')}
                     |<% } %>message ${lit(message)}
                     |
                     |upgrade {
                     |    execute 'CREATE TABLE PAY_' + ${lit(rev)} + ' (ID INT)'
                     |}
                     |downgrade {
                     |    execute 'DROP TABLE PAY_' + ${lit(rev)}
                     |}
                     |'''.stripMargin()
            ].each { entry, text ->
                zip.putNextEntry(new ZipEntry(entry))
                zip.write(text.bytes)
                zip.closeEntry()
            }
        }
        jar
    }

    /** Runs the launcher with the jar on the thread's class path, as the Maven plugin's realm or lib/ puts it there. */
    private CliRun withOnClasspath(Path jar, List<String> args) {
        Thread thread = Thread.currentThread()
        ClassLoader before = thread.contextClassLoader
        URLClassLoader loader = new URLClassLoader([jar.toUri().toURL()] as URL[], before)
        thread.contextClassLoader = loader
        try {
            CliRun.of(args)
        } finally {
            thread.contextClassLoader = before
            loader.close()
        }
    }

    def "a template jar on the class path is listed as classpath:NAME and starts a project whose revisions use it"() {
        given:
        Path jar = templateJar()
        Path none = tmp.resolve('none.ini')
        Path app = tmp.resolve('app')
        List<String> inApp = ['-c', app.resolve('retort.ini').toString()]

        when:
        def list = withOnClasspath(jar, ['-c', none.toString(), 'list-templates'])
        def init = withOnClasspath(jar, ['-c', none.toString(), 'init', '--template', 'payments', app.toString()])
        String ini = Files.readString(app.resolve('retort.ini'))
        def rev = withOnClasspath(jar, inApp + ['revision', '-m', 'ledger', '--rev-id', 'pay000000001'])
        def up = withOnClasspath(jar, inApp + ['upgrade', 'head'])

        then:
        list.exitCode == 0
        list.out.readLines().any { it ==~ /payments\s+classpath:payments\s+- Payments team: H2 locally\./ }
        list.out.readLines().any { it ==~ /groovy\s+built-in\s+- .*/ }
        init.exitCode == 0
        init.out.contains("from template 'payments' (classpath:payments)")
        ini.contains('template = payments')
        !ini.contains('template_locations')
        ini.contains('url = jdbc:h2:file:${here}/.retort/pay')
        Files.isDirectory(app.resolve('versions'))
        !Files.exists(app.resolve('script.groovy.tmpl'))
        rev.exitCode == 0
        Files.readString(Files.list(app.resolve('versions')).findFirst().get()).startsWith("// PAYMENTS revision\nrevision 'pay000000001'")
        up.exitCode == 0
        up.out.trim() == 'Running upgrade  -> pay000000001, ledger'
    }

    def "without the jar on the class path the project's template is a clear error that says where templates are looked for"() {
        given:
        Path jar = templateJar()
        Path app = tmp.resolve('app')
        withOnClasspath(jar, ['-c', tmp.resolve('none.ini').toString(), 'init', '--template', 'payments', app.toString()])

        when:
        def rev = CliRun.of(['-c', app.resolve('retort.ini').toString(), 'revision', '-m', 'x'])

        then:
        rev.exitCode == 1
        rev.err.contains('template = payments is neither built in nor in template_locations')
        rev.err.contains('nor on the class path (under META-INF/retort/templates/)')
        !rev.err.contains('\tat ')
    }

    def "the same artifact named in template_locations is read from its META-INF folder"() {
        given:
        Path jar = templateJar()

        when:
        def list = CliRun.of(['-c', tmp.resolve('none.ini').toString(), 'list-templates'], [RETORT_TEMPLATE_LOCATIONS: jar.toString()])

        then:
        list.exitCode == 0
        list.out.readLines().any { it ==~ /payments\s+jar \Q${jar}\E!\/META-INF\/retort\/templates\/payments\/\s+- Payments team: H2 locally\./ }
    }

    def "a class-path template shadows the built-in one of the same name; template_locations shadow both"() {
        given: 'a jar whose template is called groovy, and a folder location with another groovy'
        Path jar = tmp.resolve('groovy-override.jar')
        new ZipOutputStream(Files.newOutputStream(jar)).withCloseable { zip ->
            ['META-INF/retort/templates/', 'META-INF/retort/templates/groovy/'].each { zip.putNextEntry(new ZipEntry(it)); zip.closeEntry() }
            zip.putNextEntry(new ZipEntry('META-INF/retort/templates/groovy/retort.ini'))
            zip.write('# From the jar.\n[retort]\n'.bytes)
            zip.closeEntry()
        }
        Path folder = Files.createDirectories(tmp.resolve('locations/groovy'))
        Files.writeString(folder.resolve('retort.ini'), '# From the folder.\n[retort]\n')
        Path none = tmp.resolve('none.ini')

        when:
        def classpathOnly = withOnClasspath(jar, ['-c', none.toString(), 'list-templates'])
        def withLocation = withOnClasspath(jar, ['-c', none.toString(), '-x', "template_locations=${tmp.resolve('locations')}".toString(), 'list-templates'])

        then:
        classpathOnly.out.readLines().find { it.startsWith('groovy ') } ==~ /groovy\s+classpath:groovy\s+- From the jar\./
        withLocation.out.readLines().find { it.startsWith('groovy ') } ==~ /groovy\s+folder .*- From the folder\./
    }
}
