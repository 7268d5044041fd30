package dev.retort.internal.exec

import java.sql.Statement
import spock.lang.Specification

class StatementBatchSpec extends Specification {
    static final int FAILED = Statement.EXECUTE_FAILED

    def "the failing entry of a batch, as its update counts show it: #driver"() {
        expect:
        StatementBatch.failedEntry(counts as int[], 4) == (entry == null ? OptionalInt.empty() : OptionalInt.of(entry))

        where:
        driver                                                | counts                       | entry
        'runs on past the failure and marks it (H2, MariaDB)' | [0, 1, FAILED, 0]            | 2
        'stops at the failure and counts what ran'            | [0, 1]                       | 2
        'counts what ran, then marks the rest failed'         | [0, 1, FAILED, FAILED]       | 2
        'marks everything failed (PgJDBC in a transaction)'   | [FAILED, FAILED, FAILED, FAILED] | null
        'marks the first entry failed: maybe the only one'    | [FAILED, 0, 1, 0]            | null
        'no counts at all'                                    | []                           | 0
        'every entry counted: the counts do not say'          | [0, 1, 1, 0]                 | null
    }

    def "no counts from the driver say nothing"() {
        expect:
        StatementBatch.failedEntry(null, 3) == OptionalInt.empty()
    }
}
