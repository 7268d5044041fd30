package dev.retort.internal.lint;

import dev.retort.dsl.op.Operation;
import dev.retort.internal.autogen.GroovySourceRenderer;
import dev.retort.internal.autogen.KotlinSourceRenderer;
import dev.retort.internal.script.ScriptLanguage;

/** A fix as the revision's own language writes it, through the renderers autogenerate uses: one statement per operation. */
final class FixSource {
    private final ScriptLanguage language;
    private final dev.retort.dsl.op.OperationVisitor<String> renderer;

    FixSource(ScriptLanguage language) {
        this.language = language;
        this.renderer = language == ScriptLanguage.KOTLIN ? new KotlinSourceRenderer() : new GroovySourceRenderer();
    }

    String statement(Operation op) { return op.accept(renderer); }

    /** The operation inside the block that tells lint it was checked by hand. */
    String assured(Operation op) { return "safetyAssured { " + statement(op) + " }"; }

    /** An option as the language names it: {@code default: …} or {@code default = …}. */
    String option(String name, String value) { return language == ScriptLanguage.KOTLIN ? name + " = " + value : name + ": " + value; }
}
