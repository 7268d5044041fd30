package dev.retort.adopt

import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

/** An SQL file written for the mysql client, {@code DELIMITER} lines and all, run for real on MariaDB. */
@IgnoreIf({ !TestDatabases.hasMariadb() })
class SqlFileOnMariadbSpec extends Specification {
    @TempDir Path tmp

    static final String SQL = '''\
        CREATE TABLE counters (name VARCHAR(20) PRIMARY KEY, n INT NOT NULL DEFAULT 0);
        INSERT INTO counters (name) VALUES ('a;b');

        DELIMITER //
        CREATE PROCEDURE bump(IN which VARCHAR(20))
        BEGIN
            UPDATE counters SET n = n + 1 WHERE name = which;
            UPDATE counters SET n = n + 1 WHERE name = which; -- twice; on purpose
        END //

        CREATE TRIGGER counters_upper BEFORE INSERT ON counters FOR EACH ROW
        BEGIN
            SET NEW.name = UPPER(NEW.name);
        END//
        DELIMITER ;

        CALL bump('a;b');
        INSERT INTO counters (name) VALUES ('low');
        '''.stripIndent()

    def "a procedure and a trigger between DELIMITER lines are created and run; offline they are written back between DELIMITER lines"() {
        given:
        String url = TestDatabases.freshMariadb('retort_adopt_delimiter')
        def p = new TempProject(tmp, url)
        Files.createDirectories(p.versions.resolve('sql'))
        Files.writeString(p.versions.resolve('sql/counters.sql'), SQL)
        p.write('aaaaaaaaaaaa.groovy', "revision 'aaaaaaaaaaaa'\nupgrade {\n    sqlFile 'sql/counters.sql'\n}")

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 0
        p.rows('SELECT name, n FROM counters ORDER BY name') == [['a;b', '2'], ['LOW', '0']]
        p.rows("SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()") == [['bump']]

        when:
        def offline = p.run('upgrade', '--sql', '--dialect', 'mariadb', 'head')

        then:
        offline.exitCode == 0
        offline.out.contains('DELIMITER //\nCREATE PROCEDURE bump(IN which VARCHAR(20))\nBEGIN\n')
        offline.out.contains('END\n//\nDELIMITER ;\n')
        offline.out.contains("CALL bump('a;b');\n")
    }
}
