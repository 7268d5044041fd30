package dev.retort.internal.config

import java.nio.file.Files
import java.nio.file.Path
import dev.retort.internal.naming.NamingConvention
import java.time.Duration
import spock.lang.Specification
import spock.lang.TempDir

class ConfigLoaderSpec extends Specification {
    @TempDir Path dir

    private Path ini(String text) {
        Files.createDirectories(dir.resolve('versions'))
        Path f = dir.resolve('retort.ini')
        Files.writeString(f, text.stripIndent())
        f
    }

    private RetortConfig load(Path f, String section = null, Map x = [:], Map env = [:], Map flags = [:]) {
        ConfigLoader.load(f, section, x, env, flags)
    }

    def "each layer overrides the one below: flags > -x > RETORT_* > section > [retort] > defaults"() {
        given:
        Path f = ini('''
            [retort]
            url = jdbc:h2:mem:from_retort
            [prod]
            url = jdbc:h2:mem:from_prod
            ''')
        if (!inRetort) Files.writeString(f, Files.readString(f).replace('url = jdbc:h2:mem:from_retort', ''))

        expect:
        load(f, section, x, env, flags).url() == expected.replace('@here@', dir.toAbsolutePath().normalize().toString())

        where:
        inRetort | section | env                            | x                           | flags                         || expected
        false    | null    | [:]                            | [:]                         | [:]                           || 'jdbc:h2:file:' + '@here@/.retort/retort'
        true     | null    | [:]                            | [:]                         | [:]                           || 'jdbc:h2:mem:from_retort'
        true     | 'prod'  | [:]                            | [:]                         | [:]                           || 'jdbc:h2:mem:from_prod'
        true     | 'prod'  | [RETORT_URL: 'jdbc:h2:mem:env'] | [:]                         | [:]                           || 'jdbc:h2:mem:env'
        true     | 'prod'  | [RETORT_URL: 'jdbc:h2:mem:env'] | [url: 'jdbc:h2:mem:x']      | [:]                           || 'jdbc:h2:mem:x'
        true     | 'prod'  | [RETORT_URL: 'jdbc:h2:mem:env'] | [url: 'jdbc:h2:mem:x']      | [url: 'jdbc:h2:mem:flag']     || 'jdbc:h2:mem:flag'
    }

    def "the chosen section is part of the configuration, [retort] when none was chosen"() {
        given:
        Path f = ini('''
            [retort]
            url = jdbc:h2:mem:main
            [prod]
            url = jdbc:h2:mem:prod
            ''')

        expect:
        load(f).section() == 'retort'
        load(f, 'prod').section() == 'prod'
    }

    def "typed keys take every layer too"() {
        given:
        Path f = ini('''
            [retort]
            transaction_per_migration = false
            lock_timeout = 10s
            truncate_slug_length = 30
            [ci]
            lock_timeout = 500ms
            ''')

        when:
        def c = load(f, 'ci', [truncate_slug_length: '12'], [RETORT_TRANSACTION_PER_MIGRATION: 'true'])

        then:
        c.lockTimeout() == Duration.ofMillis(500)
        c.transactionPerMigration()
        c.truncateSlugLength() == 12
        c.origin('lock_timeout') == "${f.toAbsolutePath()}:7 [ci]"
        c.origin('transaction_per_migration') == 'environment variable RETORT_TRANSACTION_PER_MIGRATION'
        c.origin('truncate_slug_length') == '-x truncate_slug_length'
    }

    def "RETORT_ variables that are not keys (RETORT_ENV, RETORT_JAVA_OPTS) are not settings and draw no warning"() {
        when:
        def c = load(ini('[retort]\n'), null, [:], [RETORT_ENV: 'prod', RETORT_JAVA_OPTS: '-Xmx1g', RETORT_USER: 'ana'])

        then:
        c.user() == 'ana'
        c.warnings().isEmpty()
    }

    def "\${env:…}, \${sys:…} and \${here} are interpolated"() {
        given:
        System.setProperty('retort.i6.spec', 'from-sys')
        Path f = ini('''
            [retort]
            url = jdbc:h2:file:${here}/db/app
            user = ${sys:retort.i6.spec}
            password = ${env:APP_DB_PASSWORD}
            version_table = v_${env:APP_SUFFIX}
            ''')

        when:
        def c = load(f, null, [:], [APP_DB_PASSWORD: 's3cr3t', APP_SUFFIX: 'blue'])

        then:
        c.url() == 'jdbc:h2:file:' + dir.toAbsolutePath().normalize() + '/db/app'
        c.user() == 'from-sys'
        c.password() == 's3cr3t'
        c.versionTable() == 'v_blue'
        c.warnings().isEmpty()
        !c.toString().contains('s3cr3t')

        cleanup:
        System.clearProperty('retort.i6.spec')
    }

    def "an \${env:…} that is not set is a warning naming the key, file and line, and the key counts as not set"() {
        when:
        def c = load(ini('[retort]\nuser = sa\npassword = ${env:NOT_SET_ANYWHERE}\n'))

        then:
        c.password() == null
        c.warnings() == ["${dir.resolve('retort.ini').toAbsolutePath()}:3 [retort]: password uses \${env:NOT_SET_ANYWHERE}, but the environment variable NOT_SET_ANYWHERE is not set".toString()]
    }

    def "lint and lint.RTnnn are read as a mode and severities; a value not allowed names the key, its line and the choices"() {
        when:
        def c = load(ini('[retort]\nlint = error\nlint.RT104 = ERROR\nlint.rt301 = off\n'))

        then:
        c.lint().mode() == LintSettings.Mode.ERROR
        c.lint().levels() == [RT104: LintSettings.Level.ERROR, RT301: LintSettings.Level.OFF]
        c.warnings() == []
        load(ini('[retort]\n')).lint() == LintSettings.DEFAULTS

        when:
        Path f = ini('[retort]\nlint.RT102 = loud\n')
        load(f)

        then:
        ConfigException e = thrown()
        e.message == "${f.toAbsolutePath()}:2 [retort]: lint.RT102 = loud is not one of the allowed values; write error, warning, info or off".toString()

        when:
        load(ini('[retort]\nlint = warn\n'))

        then:
        ConfigException mode = thrown()
        mode.message.endsWith('lint = warn is not one of the allowed values; write off, warning or error')
    }

    def "an unknown key is a warning naming it, with the likely key; pool.*, hook keys and -x values are not"() {
        given:
        Path f = ini('''
            [retort]
            transacton_per_migration = true
            pool.maximumPoolSize = 3
            post_write_hooks = fmt
            fmt.type = exec
            fmt.executable = true
            lint.type = exec
            [prod]
            colour = blue
            ''')

        when:
        def c = load(f, 'prod', [author: 'Ana'])

        then:
        c.warnings() == [
                "${f.toAbsolutePath()}:3 [retort]: unknown key 'transacton_per_migration' is ignored; did you mean 'transaction_per_migration'?".toString(),
                "${f.toAbsolutePath()}:8 [retort]: unknown key 'lint.type' is ignored (is 'lint' listed in post_write_hooks?)".toString(),
                "${f.toAbsolutePath()}:10 [prod]: unknown key 'colour' is ignored".toString()]
        c.pool() == [maximumPoolSize: '3']
        c.xArguments() == [author: 'Ana']
        !c.transactionPerMigration()
    }

    def "a bad value is an error naming the key, the file and the line: #key = #value"() {
        given:
        Path f = ini("""
            [retort]
            user = sa
            $key = $value
            """)

        when:
        load(f)

        then:
        ConfigException e = thrown()
        e.message.startsWith("${f.toAbsolutePath()}:4 [retort]: $key = ")
        e.message.contains(why)

        where:
        key                            | value          || why
        'transaction_per_migration'    | 'maybe'        || 'is not a boolean; write true or false'
        'recursive_version_locations'  | 'sometimes'    || 'is not a boolean'
        'create_database'              | 'please'       || 'is not a boolean'
        'truncate_slug_length'         | 'forty'        || 'is not a whole number above 0'
        'truncate_slug_length'         | '0'            || 'is not a whole number above 0'
        'lock_timeout'                 | 'soon'         || 'is not a duration'
        'timezone'                     | 'Mars/Olympus' || 'is not a time zone'
        'language'                     | 'cobol'        || 'write groovy or kotlin'
        'file_template'                | '%%(rev)s_%%(author)s' || 'unknown token %(author)'
        'version_locations'            | 'versions missing' || 'which does not exist or is not a folder'
        'template_locations'           | '../no-such-team' || 'which does not exist'
    }

    def "a bad value in an environment section points at that section's line"() {
        given:
        Path f = ini('''
            [retort]
            lock_timeout = 60s

            [prod]
            url = jdbc:h2:mem:p
            lock_timeout = forever
            ''')

        when:
        load(f, 'prod')

        then:
        ConfigException e = thrown()
        e.message.startsWith("${f.toAbsolutePath()}:7 [prod]: lock_timeout = forever is not a duration")
    }

    def "a bad value from -x or the environment names where it came from"() {
        when:
        load(ini('[retort]\n'), null, x, env)

        then:
        ConfigException e = thrown()
        e.message.startsWith(where)

        where:
        x                                      | env                                   || where
        [transaction_per_migration: 'maybe']   | [:]                                   || '-x transaction_per_migration: transaction_per_migration = maybe is not a boolean'
        [:]                                    | [RETORT_LOCK_TIMEOUT: 'later']        || 'environment variable RETORT_LOCK_TIMEOUT: lock_timeout = later'
    }

    def "an unknown section is an error listing the sections"() {
        when:
        load(ini('[retort]\n[prod]\nurl = jdbc:h2:mem:x\n'), 'staging')

        then:
        ConfigException e = thrown()
        e.message.contains('[staging], which is not a section of')
        e.message.contains('[retort, prod]')
    }

    def "several version locations, separated by spaces, commas or the path separator, resolve against the file's folder"() {
        given:
        ['a', 'b', 'c/d'].each { Files.createDirectories(dir.resolve(it)) }
        Path f = ini("[retort]\nversion_locations = a, b${File.pathSeparator}c/d\nrecursive_version_locations = true\n")

        when:
        def c = load(f)

        then:
        c.versionLocations() == ['a', 'b', 'c/d'].collect { dir.resolve(it).toAbsolutePath().normalize() }
        c.recursiveVersionLocations()
    }

    def "post-write hooks are read into typed settings; a hook without type or of another type is an error at its line"() {
        given:
        Path f = ini('''
            [retort]
            post_write_hooks = fmt
            fmt.type = exec
            fmt.executable = ktlint
            fmt.options = -F REVISION_SCRIPT_FILENAME
            fmt.cwd = tools
            ''')

        expect:
        load(f).postWriteHooks() == [new PostWriteHook('fmt', 'ktlint', '-F REVISION_SCRIPT_FILENAME', dir.resolve('tools').toAbsolutePath().normalize())]

        when:
        Files.writeString(f, Files.readString(f).replace('fmt.type = exec', 'fmt.type = console_scripts'))
        load(f)

        then:
        ConfigException e = thrown()
        e.message.startsWith("${f.toAbsolutePath()}:4 [retort]: fmt.type = console_scripts is not a hook type Retort runs; write exec")
    }

    def "databases names sections, each a complete configuration over [retort]; -n NAME picks one"() {
        given:
        ['one/versions', 'two/versions'].each { Files.createDirectories(dir.resolve(it)) }
        Path f = ini('''
            [retort]
            databases = one, two
            user = sa
            [one]
            url = jdbc:h2:mem:one
            version_locations = one/versions
            [two]
            url = jdbc:h2:mem:two
            version_locations = two/versions
            version_table = two_version
            ''')

        when:
        def all = load(f)
        def two = load(f, 'two')

        then:
        all.databases().keySet() as List == ['one', 'two']
        all.databases().one.url() == 'jdbc:h2:mem:one'
        all.databases().one.user() == 'sa'
        all.databases().two.versionTable() == 'two_version'
        all.databases().two.versionLocations() == [dir.resolve('two/versions').toAbsolutePath().normalize()]
        !two.isMultiDatabase()
        two.url() == 'jdbc:h2:mem:two'
        two.user() == 'sa'

        and: "each database's configuration names its own section (the environment script's section)"
        all.databases().one.section() == 'one'
        two.section() == 'two'

        when:
        Files.writeString(f, Files.readString(f).replace('databases = one, two', 'databases = one, three'))
        load(f)

        then:
        ConfigException e = thrown()
        e.message.startsWith("${f.toAbsolutePath()}:3 [retort]: databases names [three], which is not a section")
    }

    def "the password never shows in toString or in an error about it"() {
        given:
        Path f = ini('[retort]\npassword = hunter2-secret\n')

        expect:
        !load(f).toString().contains('hunter2-secret')
    }

    def "naming_convention.KIND keys make the naming convention, with the ini's %% read as %, a section overriding [retort] and -x overriding both"() {
        given:
        Path f = ini('''
            [retort]
            naming_convention.pk = pk_%%(table_name)s
            naming_convention.fk = fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s
            [prod]
            naming_convention.pk = prod_pk_%(table_name)s
            ''')

        when:
        def plain = load(f)
        def prod = load(f, 'prod')
        def x = load(f, null, ['naming_convention.ix': 'ix_%(column_0_N_name)s'])

        then:
        plain.namingConvention().name(NamingConvention.Kind.PK, 't', ['id']).get() == 'pk_t'
        plain.namingConvention().name(NamingConvention.Kind.FK, 'orders', ['customer_id'], 'app.customers', ['id']).get() == 'fk_orders_customer_id_customers'
        prod.namingConvention().name(NamingConvention.Kind.PK, 't', ['id']).get() == 'prod_pk_t'
        x.namingConvention().name(NamingConvention.Kind.IX, 't', ['a', 'b']).get() == 'ix_a_b'
        plain.warnings().isEmpty()
        load(ini('[retort]\n')).namingConvention().isEmpty()
    }

    def "an unknown naming_convention key or token is an error at its line"() {
        given:
        Path f = ini("[retort]\nurl = jdbc:h2:mem:x\n$line\n")

        when:
        load(f)

        then:
        def e = thrown(ConfigException)
        e.message.startsWith(f.toString() + ':3 [retort]: ')
        e.message.contains(why)

        where:
        line                                              | why
        'naming_convention.fx = fk_%(table_name)s'        | 'names no kind of constraint or index'
        'naming_convention.pk = pk_%(table)s'             | 'uses the unknown token %(table)s; a primary key may use %(table_name)s, %(column_0_name)s'
        'naming_convention.ck = ck_%(column_0_name)s'     | "a check's columns are not known"
        'naming_convention.pk = pk_%(table_name)'         | 'has a token not written %(name)s'
        'naming_convention.uq = '                         | 'is empty'
    }
}
