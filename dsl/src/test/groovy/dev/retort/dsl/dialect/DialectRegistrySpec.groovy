package dev.retort.dsl.dialect

import dev.retort.dsl.op.CreateIndex
import dev.retort.dsl.op.DropIndex
import spock.lang.Specification

class DialectRegistrySpec extends Specification {

    def "the dialect for #url is #name, and --dialect #name finds the same class"() {
        expect:
        Dialects.forUrl(url).name() == name
        Dialects.byName(name).class == Dialects.forUrl(url).class

        where:
        url                                              || name
        'jdbc:h2:mem:x'                                  || 'h2'
        'jdbc:postgresql://localhost/app'                || 'postgresql'
        'jdbc:mysql://localhost/app'                     || 'mysql'
        'jdbc:mariadb://localhost/app'                   || 'mariadb'
        'jdbc:sqlite:app.db'                             || 'sqlite'
        'jdbc:oracle:thin:@//localhost:1521/XE'          || 'oracle'
        'jdbc:sqlserver://localhost;databaseName=app'    || 'mssql'
    }

    def "an unknown URL names the supported prefixes and hides the password"() {
        when:
        Dialects.forUrl('jdbc:db2://host/app?password=secret')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('jdbc:sqlite:')
        !e.message.contains('secret')
    }

    def "#identifier is written #quoted on #dialect"() {
        expect:
        Dialects.byName(dialect).quote(identifier) == quoted

        where:
        dialect      | identifier   || quoted
        'postgresql' | 'usuarios'   || 'usuarios'
        'postgresql' | 'user'       || '"user"'
        'postgresql' | 'Usuarios'   || '"Usuarios"'
        'postgresql' | 'returning'  || '"returning"'
        'mysql'      | 'user'       || '`user`'
        'mysql'      | 'rank'       || '`rank`'
        'mysql'      | 'a`b'        || '`a``b`'
        'mariadb'    | 'first name' || '`first name`'
        'sqlite'     | 'order'      || '"order"'
        'sqlite'     | 'pragma'     || '"pragma"'
        'oracle'     | 'comment'    || '"comment"'
        'oracle'     | 'level'      || '"level"'
        'oracle'     | 'nome'       || 'nome'
        'mssql'      | 'user'       || '[user]'
        'mssql'      | 'a]b'        || '[a]]b]'
        'h2'         | 'value'      || '"value"'
    }

    def "only PostgreSQL's concurrent index operations must run outside a transaction"() {
        expect:
        Dialects.byName(dialect).runsOutsideTransaction(CreateIndex.of(null, 'ix', 't', ['a']).withConcurrently(true)) == outside
        Dialects.byName(dialect).runsOutsideTransaction(new DropIndex(null, 'ix', 't', false, true)) == outside
        !Dialects.byName(dialect).runsOutsideTransaction(CreateIndex.of(null, 'ix', 't', ['a']))

        where:
        dialect << ['postgresql', 'h2', 'mysql', 'sqlite']
        outside << [true, false, false, false]
    }

    def "offline scripts end statements as the database's client expects"() {
        expect:
        Dialects.byName(dialect).scriptStatement(sql) == script

        where:
        dialect  | sql                                  || script
        'h2'     | 'DROP TABLE t'                       || 'DROP TABLE t;'
        'mssql'  | 'DROP TABLE t'                       || 'DROP TABLE t;\nGO'
        'oracle' | 'DROP TABLE t'                       || 'DROP TABLE t;'
        'oracle' | 'BEGIN\n    NULL;\nEND;'             || 'BEGIN\n    NULL;\nEND;\n/'
    }

    def "MySQL doubles backslashes in string literals; others keep them"() {
        expect:
        Dialects.byName('mysql').literal('C:\\dir') == "'C:\\\\dir'"
        Dialects.byName('postgresql').literal('C:\\dir') == "'C:\\dir'"
    }
}
