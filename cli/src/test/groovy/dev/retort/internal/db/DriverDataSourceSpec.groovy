package dev.retort.internal.db

import java.sql.SQLException
import javax.sql.DataSource
import spock.lang.Specification

/**
 * The pool opens connections with the driver the database's package names, not through DriverManager (whose first use
 * starts every driver on the class path); where that driver is missing or does not take the URL, or the pool settings
 * choose a driver themselves, DriverManager finds one as before.
 */
class DriverDataSourceSpec extends Specification {

    def "a known driver that takes the URL connects with the user and password given"() {
        given: 'an in-memory H2 database whose first connection sets its password'
        String url = 'jdbc:h2:mem:driver_data_source_spec;DB_CLOSE_DELAY=-1'
        DataSource right = DriverDataSource.of('org.h2.Driver', url, props(user: 'sa', password: 'secret')).orElseThrow()
        def first = right.connection

        when:
        def again = right.connection
        def value = again.createStatement().executeQuery('SELECT 41 + 1').with { next(); getInt(1) }
        DriverDataSource.of('org.h2.Driver', url, props(user: 'sa', password: 'wrong')).orElseThrow().connection

        then: 'the right password connects; a wrong one is refused, so the properties reach the driver'
        value == 42
        thrown(SQLException)

        cleanup:
        again?.close()
        first?.close()
    }

    def "a driver that is not on the class path, or does not take the URL, gives no data source"() {
        expect:
        DriverDataSource.of('org.example.NoSuchDriver', 'jdbc:h2:mem:x', props()).isEmpty()
        DriverDataSource.of('org.h2.Driver', 'jdbc:postgresql://127.0.0.1:5432/x', props()).isEmpty()
        DriverDataSource.of('java.lang.String', 'jdbc:h2:mem:x', props()).isEmpty()
    }

    def "Database.connect works through the known driver, and through DriverManager when pool settings name the driver"() {
        when:
        def direct = Database.connect('jdbc:h2:mem:dds_direct', 'sa', '', [:])
        def chosen = Database.connect('jdbc:h2:mem:dds_chosen', 'sa', '', [driverClassName: 'org.h2.Driver'])

        then:
        [direct, chosen].every { db -> db.connection().withCloseable { c -> c.metaData.databaseProductName == 'H2' } }

        cleanup:
        direct?.close()
        chosen?.close()
    }

    private static Properties props(Map<String, String> values = [:]) {
        def p = new Properties()
        values.each { k, v -> p.setProperty(k, v) }
        p
    }
}
