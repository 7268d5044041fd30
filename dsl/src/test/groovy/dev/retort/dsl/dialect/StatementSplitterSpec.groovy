package dev.retort.dsl.dialect

import spock.lang.Specification

/** SQL files cut into statements as each database's client cuts them; each statement keeps the line it starts on. */
class StatementSplitterSpec extends Specification {

    static List<List> split(StatementSplitter splitter, String text) {
        splitter.split(text).collect { [it.sql(), it.line()] }
    }

    def "standard SQL: #what"() {
        expect:
        split(StatementSplitter.standard(), text) == statements

        where:
        what                                     | text                                                        | statements
        'one statement a line'                   | 'CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n'      | [['CREATE TABLE a (id INT)', 1], ['CREATE TABLE b (id INT)', 2]]
        'the last statement needs no semicolon'  | 'SELECT 1;\nSELECT 2'                                       | [['SELECT 1', 1], ['SELECT 2', 2]]
        'a semicolon in a string'                | "INSERT INTO t VALUES ('a;b');\nSELECT 1;"                  | [["INSERT INTO t VALUES ('a;b')", 1], ['SELECT 1', 2]]
        'a doubled quote in a string'            | "INSERT INTO t VALUES ('it''s; ok');"                       | [["INSERT INTO t VALUES ('it''s; ok')", 1]]
        'a semicolon in a quoted identifier'     | 'CREATE TABLE "a;b" (id INT);'                              | [['CREATE TABLE "a;b" (id INT)', 1]]
        'a semicolon in a line comment'          | 'SELECT 1; -- not; a statement\nSELECT 2;'                  | [['SELECT 1', 1], ['SELECT 2', 2]]
        'a semicolon in a block comment'         | 'SELECT /* a;\nb; */ 1;\nSELECT 2;'                         | [['SELECT /* a;\nb; */ 1', 1], ['SELECT 2', 3]]
        'leading comments are not a statement'   | '-- header\n/* licence\n */\n\nCREATE TABLE a (id INT);'    | [['CREATE TABLE a (id INT)', 5]]
        'empty statements are dropped'           | ';;\n  ;\nSELECT 1;;'                                       | [['SELECT 1', 3]]
        'only comments: nothing'                 | '-- nothing here\n/* at all */\n'                           | []
        'CRLF line ends'                         | 'SELECT 1;\r\nSELECT 2;\r\n'                                | [['SELECT 1', 1], ['SELECT 2', 2]]
        'no dollar quotes outside PostgreSQL'    | "SELECT '\$\$';\nSELECT 2;"                                 | [["SELECT '\$\$'", 1], ['SELECT 2', 2]]
    }

    def "PostgreSQL: #what"() {
        expect:
        split(StatementSplitter.postgres(), text) == statements

        where:
        what                                 | text                                                                                          | statements
        'a \$\$ function body'               | 'CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;' | [['CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql', 1], ['SELECT 1', 6]]
        'a tagged dollar quote'              | 'DO $body$ BEGIN PERFORM 1; END $body$;\nSELECT 2;'                                           | [['DO $body$ BEGIN PERFORM 1; END $body$', 1], ['SELECT 2', 2]]
        'a \$\$ inside a tagged body'        | 'DO $fn$ BEGIN EXECUTE $$SELECT 1;$$; END $fn$;'                                             | [['DO $fn$ BEGIN EXECUTE $$SELECT 1;$$; END $fn$', 1]]
        'positional parameters are not tags' | 'PREPARE p AS SELECT $1;\nSELECT 2;'                                                          | [['PREPARE p AS SELECT $1', 1], ['SELECT 2', 2]]
        'a dollar inside an identifier'      | 'SELECT a$b$ FROM t;\nSELECT 2;'                                                              | [['SELECT a$b$ FROM t', 1], ['SELECT 2', 2]]
        'E strings take backslash escapes'   | "SELECT E'a\\';b';\nSELECT 2;"                                                                | [["SELECT E'a\\';b'", 1], ['SELECT 2', 2]]
        'nested block comments'              | 'SELECT /* a /* b; */ c; */ 1;'                                                               | [['SELECT /* a /* b; */ c; */ 1', 1]]
    }

    def "MySQL and MariaDB: #what"() {
        expect:
        split(StatementSplitter.mysql(), text) == statements

        where:
        what                                | text                                                                                                    | statements
        'DELIMITER around a procedure'      | 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND //\nDELIMITER ;\nCALL p();' | [['CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND', 2], ['CALL p()', 8]]
        'a \$\$ delimiter'                  | 'DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END$$\nDELIMITER ;' | [['CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END', 2]]
        'backticks'                         | 'CREATE TABLE `a;b` (id INT);'                                                                          | [['CREATE TABLE `a;b` (id INT)', 1]]
        'backslash escapes in strings'      | "INSERT INTO t VALUES ('a\\';b');\nSELECT 2;"                                                           | [["INSERT INTO t VALUES ('a\\';b')", 1], ['SELECT 2', 2]]
        'hash comments'                     | '# a; comment\nSELECT 1;'                                                                               | [['SELECT 1', 2]]
        'double quotes are strings'         | 'SELECT "a\\";b";'                                                                                      | [['SELECT "a\\";b"', 1]]
    }

    def "SQL Server: GO lines separate batches, which are sent whole"() {
        expect:
        split(StatementSplitter.sqlServer(), 'CREATE TABLE a (id INT);\nGO\nCREATE PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\ngo\nSELECT [x;y] FROM a;') ==
                [['CREATE TABLE a (id INT);', 1], ['CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;', 3], ['SELECT [x;y] FROM a;', 9]]
    }

    def "Oracle: a PL/SQL block keeps its semicolons and ends at a slash line; plain statements end at semicolons"() {
        expect:
        split(StatementSplitter.oracle(), 'CREATE TABLE a (id NUMBER);\nCREATE OR REPLACE PROCEDURE p AS\nBEGIN\n  NULL;\nEND;\n/\nINSERT INTO a VALUES (1);') ==
                [['CREATE TABLE a (id NUMBER)', 1], ['CREATE OR REPLACE PROCEDURE p AS\nBEGIN\n  NULL;\nEND;', 2], ['INSERT INTO a VALUES (1)', 7]]
        StatementSplitter.isPlsqlBlock('BEGIN NULL; END;')
        !StatementSplitter.isPlsqlBlock('CREATE TABLE begin_x (id NUMBER)')
    }

    def "an unterminated #what names the line where it starts"() {
        when:
        splitter.split(text)

        then:
        def e = thrown(RenderException)
        e.message.contains("line $line")
        e.message.contains(what)

        where:
        what           | splitter                      | text                                      | line
        'string'       | StatementSplitter.standard()  | "SELECT 1;\nSELECT 'oops;\n"              | 2
        'comment'      | StatementSplitter.standard()  | 'SELECT 1;\n\n/* never closed'            | 3
        'dollar quote' | StatementSplitter.postgres()  | 'SELECT 1;\nDO $x$ BEGIN END;'            | 2
    }

    def "each dialect hands out its client's splitter"() {
        expect:
        Dialects.byName(name).statementSplitter().is(splitter)

        where:
        name         | splitter
        'postgresql' | StatementSplitter.postgres()
        'mysql'      | StatementSplitter.mysql()
        'mariadb'    | StatementSplitter.mysql()
        'mssql'      | StatementSplitter.sqlServer()
        'oracle'     | StatementSplitter.oracle()
        'h2'         | StatementSplitter.standard()
        'sqlite'     | StatementSplitter.standard()
    }

    def "an offline MySQL script wraps a statement the client would cut between DELIMITER lines, and only such a one"() {
        given:
        def dialect = Dialects.byName('mariadb')

        expect:
        dialect.scriptStatement('CREATE PROCEDURE p() BEGIN SELECT 1; END') == 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END\n//\nDELIMITER ;'
        dialect.scriptStatement("INSERT INTO t VALUES ('a;b')") == "INSERT INTO t VALUES ('a;b');"
    }
}
