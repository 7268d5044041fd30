package dev.retort.internal.exec

import dev.retort.dsl.dialect.Capabilities
import dev.retort.dsl.op.Insert
import dev.retort.dsl.op.RunWithConnection
import spock.lang.Specification

import static dev.retort.internal.exec.TransactionPlan.Bookkeeping.IN_TRANSACTION as BOOKKEEPING_IN_TRANSACTION
import static dev.retort.internal.exec.TransactionPlan.Bookkeeping.PROGRESS_ROW
import static dev.retort.internal.exec.TransactionPlan.Kind.AUTOCOMMIT
import static dev.retort.internal.exec.TransactionPlan.Kind.IN_TRANSACTION
import static dev.retort.internal.exec.TransactionPlan.Kind.STATEMENT_BY_STATEMENT
import static dev.retort.internal.exec.TransactionPlan.Scope.NONE
import static dev.retort.internal.exec.TransactionPlan.Scope.RUN
import static dev.retort.internal.exec.TransactionPlan.Scope.STEP

class TransactionPlanSpec extends Specification {
    static final TransactionPlan WHOLE_RUN = TransactionPlan.of(Capabilities.ddlInTransaction('BEGIN'), false)
    static final TransactionPlan PER_STEP = TransactionPlan.of(Capabilities.ddlInTransaction('BEGIN'), true)
    static final TransactionPlan DDL_COMMITS = TransactionPlan.of(Capabilities.ddlCommitsItself('START TRANSACTION'), false)

    /** Statements numbered from 1; 'a' marks one that runs outside any transaction, 't' one that runs inside. */
    private static List<StepStatement> statements(String marks) {
        (marks as List).withIndex().collect { String mark, int i ->
            new StepStatement(i + 1, new StepStatement.Sql("SELECT ${i + 1}"), 'execute', i + 1, mark == 'a')
        }
    }

    /** Each segment as its kind and the numbers of its statements. */
    private static List<List> shape(TransactionPlan.StepTransactions t) {
        t.segments().collect { [it.kind(), it.statements()*.number()] }
    }

    def "the transaction spans the run, each step, or nothing, by the database's DDL and transaction_per_migration"() {
        expect:
        TransactionPlan.of(capabilities, perMigration).scope() == scope
        TransactionPlan.of(capabilities, perMigration).resumable() == (scope == NONE)

        where:
        capabilities                                  | perMigration || scope
        Capabilities.ddlInTransaction('BEGIN')        | false        || RUN
        Capabilities.ddlInTransaction('BEGIN')        | true         || STEP
        Capabilities.ddlCommitsItself('START TRANSACTION') | false   || NONE
        Capabilities.ddlCommitsItself('START TRANSACTION') | true    || NONE
    }

    def "with transactional DDL, consecutive autocommit statements form one segment between transactional ones"() {
        expect:
        shape(plan.step(statements(marks))) == segments
        plan.step(statements(marks)).bookkeeping() == BOOKKEEPING_IN_TRANSACTION

        where:
        plan      | marks    || segments
        WHOLE_RUN | 'ttt'    || [[IN_TRANSACTION, [1, 2, 3]]]
        WHOLE_RUN | 'ttaat'  || [[IN_TRANSACTION, [1, 2]], [AUTOCOMMIT, [3, 4]], [IN_TRANSACTION, [5]]]
        WHOLE_RUN | 'at'     || [[AUTOCOMMIT, [1]], [IN_TRANSACTION, [2]]]
        PER_STEP  | 'ta'     || [[IN_TRANSACTION, [1]], [AUTOCOMMIT, [2]]]
        PER_STEP  | 'atata'  || [[AUTOCOMMIT, [1]], [IN_TRANSACTION, [2]], [AUTOCOMMIT, [3]], [IN_TRANSACTION, [4]], [AUTOCOMMIT, [5]]]
        PER_STEP  | 'aaa'    || [[AUTOCOMMIT, [1, 2, 3]]]
        WHOLE_RUN | ''       || []
    }

    def "where DDL commits by itself, a step runs statement by statement with a progress row, autocommit marks or not"() {
        when:
        def t = DDL_COMMITS.step(statements(marks))

        then:
        shape(t) == segments
        t.bookkeeping() == PROGRESS_ROW

        where:
        marks  || segments
        'tat'  || [[STATEMENT_BY_STATEMENT, [1, 2, 3]]]
        'a'    || [[STATEMENT_BY_STATEMENT, [1]]]
        ''     || []
    }

    def "statement by statement, only an insert's rows commit together with the record that they were applied"() {
        expect:
        TransactionPlan.commitsWithItsRecord(new StepStatement(1, work, 'op', 1, false)) == together

        where:
        work                                                                                        || together
        new StepStatement.Rows(new Insert(null, 't', [[id: 1]]), 'INSERT INTO t (id) VALUES (?)')  || true
        new StepStatement.Sql('CREATE TABLE t (id INT)')                                            || false
        new StepStatement.Callback(new RunWithConnection({ c -> }))                                  || false
    }

    def "the plan copies what it is given, so a segment cannot change under a sink"() {
        given:
        def input = statements('tt')
        def t = WHOLE_RUN.step(input)

        when:
        input.clear()

        then:
        shape(t) == [[IN_TRANSACTION, [1, 2]]]
    }
}
