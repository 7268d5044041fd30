package dev.retort.internal.autogen;

import dev.retort.dsl.op.CreateTable;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Path;
import java.util.List;

/** Compiles and runs a model script of one language, returning the tables it declares in order. */
public interface ModelCompiler {
    ScriptLanguage language();

    /** @throws dev.retort.internal.script.ScriptException when the script cannot be read, compiled or run */
    List<CreateTable> tables(Path file);
}
