package dev.retort.dsl.kotlin

/**
 * Marks Retort's builder receivers, so inside a block only the innermost builder's calls resolve implicitly:
 * `addColumn` inside `createTable("t") { }` is a compile error instead of an operation recorded out of place.
 */
@DslMarker
@Target(AnnotationTarget.CLASS)
annotation class RetortDsl
