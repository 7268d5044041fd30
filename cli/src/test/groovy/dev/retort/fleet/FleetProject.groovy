package dev.retort.fleet

import dev.retort.testing.CliRun
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * A fleet on the local PostgreSQL server: a database of its own holding one schema per tenant (fleet_t01, …), a
 * project of ten revisions (revision i creates table t_i and adds a column to t_(i-1)), retort.ini with fleet_url
 * naming the tenant's schema, and targets.txt listing the tenants by name. Runs the CLI in this JVM or as launchers.
 */
final class FleetProject {
    static final int REVISIONS = 10

    final Path dir
    final Path ini
    final Path targets
    final String database
    final String dbUrl
    final List<String> tenants

    /**
     * @param slowRevision a revision whose upgrade also sleeps this many milliseconds in a connection block (0: none),
     *                     so that a launcher can be caught in the middle of a tenant
     */
    FleetProject(Path dir, String database, int tenantCount, Map<String, String> settings = [:], int slowRevision = 0, long sleepMs = 0) {
        this.dir = dir
        this.database = database
        this.dbUrl = TestDatabases.freshPostgres(database)
        this.tenants = (1..tenantCount).collect { String.format('fleet_t%02d', it) }
        execute(tenants.collect { "CREATE SCHEMA $it" as String })
        Files.createDirectories(dir.resolve('versions'))
        this.ini = dir.resolve('retort.ini')
        def text = new StringBuilder("[retort]\nversion_locations = versions\nurl = $dbUrl\nfleet_url = $dbUrl&currentSchema={name}\n")
        settings.each { k, v -> text.append("$k = $v\n") }
        ini.text = text.toString()
        (1..REVISIONS).each { i -> revision(dir, i, i == slowRevision ? sleepMs : 0) }
        this.targets = dir.resolve('targets.txt')
        targets.text = "# one tenant schema a line\n" + tenants.join('\n') + '\n'
    }

    static String rev(int i) { String.format('f1ee7%07d', i) }

    /** Writes revision i of the fleet's ten into DIR/versions. */
    static void revision(Path dir, int i, long sleepMs = 0) {
        def body = new StringBuilder()
        body << "revision '${rev(i)}'\n"
        if (i > 1) body << "revises '${rev(i - 1)}'\n"
        body << "message 'table t_$i'\n\nupgrade {\n"
        body << "    createTable('t_$i') {\n"
        body << "        column 'id', integer, primaryKey: true\n"
        body << "        column 'name', string(100), nullable: false\n"
        body << "        column 'amount', numeric(10, 2), default: 0\n"
        body << "        index 'ix_t_${i}_name', ['name']\n"
        body << "    }\n"
        if (i > 1) body << "    addColumn 't_${i - 1}', 'next_id', integer\n"
        if (sleepMs > 0) body << "    connection { c -> Thread.sleep($sleepMs) }\n"
        body << "}\n"
        dir.resolve("versions/${String.format('%02d', i)}_${rev(i)}.groovy").text = body.toString()
    }

    String schemaUrl(String tenant) { "$dbUrl&currentSchema=$tenant" }

    /** The CLI in this JVM against this project. */
    CliRun run(String... args) { CliRun.of(['-c', ini.toString()] + (args as List)) }

    /** The CLI as a launcher process of its own (the built classes and their libraries), with extra environment. */
    Process launch(Path output, Map<String, String> env, String... args) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        List<String> command = [java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m', '-cp', System.getProperty('java.class.path'),
                                'dev.retort.cli.RetortCli', '-c', ini.toString()] + (args as List)
        def builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
        builder.environment().putAll(env)
        return builder.start()
    }

    /** Each tenant's version-table rows. */
    Map<String, List<String>> versions() {
        tenants.collectEntries { t -> [t, column("SELECT version_num FROM ${t}.retort_version ORDER BY 1")] }
    }

    /** Each tenant's successful upgrade history rows, as revision ids in the order they ran. */
    Map<String, List<String>> upgrades() {
        tenants.collectEntries { t ->
            [t, column("SELECT revision FROM ${t}.retort_history WHERE direction = 'upgrade' AND success ORDER BY id")]
        }
    }

    boolean hasVersionTable(String tenant) {
        column("SELECT count(*) FROM information_schema.tables WHERE table_schema = '$tenant' AND table_name = 'retort_version'") == ['1']
    }

    List<String> column(String sql) {
        Connection c = DriverManager.getConnection(dbUrl)
        try {
            def rs = c.createStatement().executeQuery(sql)
            List<String> out = []
            while (rs.next()) out << rs.getString(1)
            return out
        } finally { c.close() }
    }

    void execute(List<String> statements) {
        Connection c = DriverManager.getConnection(dbUrl)
        try { statements.each { s -> c.createStatement().withCloseable { it.execute(s) } } } finally { c.close() }
    }

    /** The outcome lines ({@code name: …}) a run printed, by tenant. */
    static Map<String, String> outcomes(String output) {
        output.readLines().findAll { it ==~ /^fleet_t\d+: .*/ && !it.contains(': Waiting for') }
                .collectEntries { l -> int colon = l.indexOf(': '); [l.substring(0, colon), l.substring(colon + 2)] }
    }

    void drop() {
        def c = DriverManager.getConnection(TestDatabases.postgresServer())
        try { c.createStatement().withCloseable { it.execute("DROP DATABASE IF EXISTS $database WITH (FORCE)") } } finally { c.close() }
    }
}
