package dev.retort.dsl.dialect

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * The golden matrix: every operation of {@link GoldenCases} rendered by every dialect, compared with the SQL in
 * {@code src/test/resources/golden/DIALECT.sql}. Each file holds one {@code -- case: NAME} section per operation;
 * statements are separated by a blank line and end with one {@code ;}. After an intended change, run with
 * {@code -Dretort.golden.update=true} to rewrite the files, then review the diff. The runtime's GoldenSqlRunsSpec
 * runs the same files on real databases, so a golden file cannot hold SQL the database rejects.
 */
class DialectGoldenSpec extends Specification {
    static final Path GOLDEN = Path.of('src/test/resources/golden')
    static final List<String> DIALECTS = ['h2', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql']

    @Shared Map<String, Map<String, List<String>>> expected

    def setupSpec() {
        if (Boolean.getBoolean('retort.golden.update')) DIALECTS.each { write(it) }
        expected = DIALECTS.collectEntries { [it, read(it)] }
    }

    def "#caseName renders the golden SQL on #dialect"() {
        expect:
        expected[dialect].containsKey(caseName)
        GoldenCases.render(Dialects.byName(dialect), caseName) == expected[dialect][caseName]

        where:
        [dialect, caseName] << [DIALECTS, GoldenCases.names()].combinations()
    }

    def "every golden section is a case that still exists"() {
        expect:
        expected.every { d, cases -> cases.keySet().toList() == GoldenCases.names() }
    }

    static Map<String, List<String>> read(String dialect) {
        Path file = GOLDEN.resolve(dialect + '.sql')
        Map<String, List<String>> cases = [:]
        if (!Files.exists(file)) return cases
        String name = null
        StringBuilder body = new StringBuilder()
        def flush = {
            if (name != null) cases[name] = body.toString().strip().split(/;\n\n/).collect { it.strip() }
                    .collect { it.endsWith(';') && !it.startsWith('!error') ? it.substring(0, it.length() - 1) : it }
                    .findAll { it && it != '-- (nothing)' }
        }
        Files.readAllLines(file).each { line ->
            if (line.startsWith('-- case: ')) { flush(); name = line.substring(9); body = new StringBuilder() }
            else body.append(line).append('\n')
        }
        flush()
        cases
    }

    static void write(String dialect) {
        Dialect d = Dialects.byName(dialect)
        StringBuilder out = new StringBuilder("-- Golden SQL for the ${dialect} dialect; see DialectGoldenSpec.\n")
        GoldenCases.names().each { name ->
            out.append("-- case: ").append(name).append('\n')
            List<String> sql = GoldenCases.render(d, name)
            if (sql.isEmpty()) out.append('-- (nothing)\n\n')
            sql.each { out.append(it).append(it.startsWith('!error') ? '\n\n' : ';\n\n') }
        }
        Files.createDirectories(GOLDEN)
        Files.writeString(GOLDEN.resolve(dialect + '.sql'), out.toString())
    }
}
