package dev.retort.internal.script

import spock.lang.Specification

/** Simple command expressions with named arguments get parentheses (Groovy's fast parse path); nothing else changes. */
class CommandCallsSpec extends Specification {

    def "#line becomes #expected"() {
        expect:
        CommandCalls.parenthesize("upgrade {\n$line\n}\n") == "upgrade {\n$expected\n}\n"

        where:
        line                                                              | expected
        "    column 'id', integer, primaryKey: true"                      | "    column('id', integer, primaryKey: true)"
        "    column 'amount', numeric(10, 2), default: 0 // money"        | "    column('amount', numeric(10, 2), default: 0) // money"
        "    column 'created', timestamp, default: now()"                 | "    column('created', timestamp, default: now())"
        "    addColumn 'a', 'b', string(20), nullable: false, default: 'X'" | "    addColumn('a', 'b', string(20), nullable: false, default: 'X')"
        "    index 'ix', ['name'], unique: true"                          | "    index('ix', ['name'], unique: true)"
    }

    def "left as written: #why"() {
        given:
        String text = "upgrade {\n$lines\n}\n"

        expect:
        CommandCalls.parenthesize(text).is(text)

        where:
        why                                  | lines
        'no named argument'                  | "    addColumn 't', 'c', integer"
        'a keyword'                          | "    assert ok, message: 'x'"
        'a GString'                          | "    column \"c\$i\", integer, nullable: true"
        'a closure argument'                 | "    createTable 't', schema: 's', { column 'id', integer }"
        'continues the line before'          | "    foo 'a',\n    column 'id', integer, primaryKey: true"
        'continued by the line after'        | "    column 'id', integer, primaryKey: true\n        .foo()"
        'an expression, not a command'       | "    x = y ?: z"
        'a multi-line string in the script'  | "    execute '''x'''\n    column 'id', integer, primaryKey: true"
        'a block comment in the script'      | "    /* c */\n    column 'id', integer, primaryKey: true"
    }
}
