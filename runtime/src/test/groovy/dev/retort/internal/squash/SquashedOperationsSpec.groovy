package dev.retort.internal.squash

import dev.retort.dsl.groovy.MigrationBuilder
import dev.retort.dsl.op.AddColumn
import dev.retort.dsl.op.CreateTable
import dev.retort.dsl.op.DropColumn
import dev.retort.dsl.op.ExecuteSql
import dev.retort.dsl.op.Insert
import dev.retort.dsl.op.Operation
import dev.retort.dsl.op.RenameColumn
import dev.retort.internal.autogen.GroovySourceRenderer
import java.nio.file.Path
import spock.lang.Specification

/** The folding rule, read as the Groovy source a squash writes. */
class SquashedOperationsSpec extends Specification {
    static List<Operation> ops(@DelegatesTo(MigrationBuilder) Closure<?> block) {
        def b = new MigrationBuilder()
        b.with(block)
        b.operations()
    }

    static List<SquashedOperations.Located> located(List<Operation> operations) {
        operations.withIndex().collect { op, i -> new SquashedOperations.Located(op, Path.of('versions/r.groovy'), i + 1) }
    }

    static String fold(List<Operation> before, List<Operation> run, List<String> refusals = []) {
        new GroovySourceRenderer().render(SquashedOperations.fold('postgresql', before, located(run), refusals))
                .readLines().drop(1).join('\n')
    }

    def "a table created then changed is created once in its final form"() {
        expect:
        fold([], ops {
            createTable('t') { column 'id', integer, primaryKey: true }
            addColumn 't', 'a', string(10)
            addColumn 't', 'b', integer
            dropColumn 't', 'a'
            createIndex 'ix_t_b', 't', ['b']
        }) == '''\
    createTable('t') {
        column 'id', integer, primaryKey: true
        column 'b', integer
        index 'ix_t_b', ['b']
    }
'''.stripTrailing()
    }

    def "data operations stay at their place, with the tables they saw"() {
        expect:
        fold([], ops {
            createTable('t') { column 'id', integer, primaryKey: true }
            insert 't', [[id: 1]]
            addColumn 't', 'b', integer
            execute 'UPDATE t SET b = 2'
            addColumn 't', 'c', integer
        }) == '''\
    createTable('t') {
        column 'id', integer, primaryKey: true
    }

    insert 't', [['id': 1]]
    addColumn 't', 'b', integer
    execute 'UPDATE t SET b = 2'
    addColumn 't', 'c', integer'''
    }

    def "changes to a table from before the run fold into the difference; a rename is carried as written"() {
        given:
        def before = ops { createTable('t') { column 'id', integer, primaryKey: true; column 'old', integer } }

        expect:
        fold(before, ops {
            addColumn 't', 'x', integer
            dropColumn 't', 'x'
            renameColumn 't', 'old', 'new'
            alterColumn 't', 'new', nullable: false, existingType: integer
        }) == '''\
    renameColumn 't', 'old', 'new'
    alterColumn 't', 'new', nullable: false, existingType: integer, existingNullable: true'''
    }

    def "a change to a table the offline schema does not know (made by raw SQL) is carried"() {
        expect:
        fold([], ops {
            execute 'CREATE TABLE raw (id INTEGER)'
            addColumn 'raw', 'b', integer
        }) == '''\
    execute 'CREATE TABLE raw (id INTEGER)'
    addColumn 'raw', 'b', integer'''
    }

    def "code and dialect blocks are refused, each with its place"() {
        given:
        def refusals = []

        when:
        fold([], ops {
            createTable('t') { column 'id', integer }
            connection { c -> }
            onDialect('postgresql') { execute 'SELECT 1' }
        }, refusals)

        then:
        refusals.size() == 2
        refusals[0].startsWith('versions/r.groovy:2: ')
        refusals[0].contains('a connection { } block is compiled code')
        refusals[1].startsWith('versions/r.groovy:3: ')
        refusals[1].contains('what an onDialect block does depends on the database')
    }
}
