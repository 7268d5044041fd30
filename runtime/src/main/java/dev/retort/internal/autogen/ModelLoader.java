package dev.retort.internal.autogen;

import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.dsl.schema.TableModel;
import dev.retort.internal.script.ScriptCompileCache;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the target model ({@code model = model.groovy} or {@code model.kts}) into a {@link SchemaModel}.
 * A language plugs in by adding its {@link ModelCompiler}; the file's extension picks one.
 */
public final class ModelLoader {
    private final Map<ScriptLanguage, ModelCompiler> compilers = new EnumMap<>(ScriptLanguage.class);

    public ModelLoader(List<ModelCompiler> available) {
        for (ModelCompiler c : available) compilers.put(c.language(), c);
    }

    /** Both languages; a Kotlin model shares the revisions' compile cache in {@code cacheDir}. */
    public static ModelLoader standard(Path cacheDir) {
        return new ModelLoader(List.of(new GroovyModelCompiler(), new KotlinModelCompiler(new ScriptCompileCache(cacheDir))));
    }

    public SchemaModel load(Path file) {
        if (file == null)
            throw new IllegalStateException("autogenerate needs a target model: set 'model = model.groovy' (or model.kts) in retort.ini "
                    + "and declare the tables there with createTable('name') { … }");
        if (!Files.isRegularFile(file))
            throw new ScriptException(file, 0, "the model file does not exist; create it, or fix 'model' in retort.ini");
        ScriptLanguage language = ScriptLanguage.ofFile(file).orElseThrow(() -> new ScriptException(file, 0,
                "a model is a .groovy or .kts script; rename it or fix 'model' in retort.ini"));
        ModelCompiler compiler = compilers.get(language);
        if (compiler == null)
            throw new ScriptException(file, 0, language.configName() + " models are not supported by this build; write the model as model.groovy");
        List<CreateTable> tables = compiler.tables(file);
        try {
            SchemaModel model = new SchemaModel(tables.stream().map(TableModel::of).toList());
            checkReferences(model);
            return model;
        } catch (IllegalArgumentException e) {
            throw new ScriptException(file, 0, e.getMessage(), e);
        }
    }

    /** A model is the whole schema, so every foreign key must point at a table and columns it declares. */
    private static void checkReferences(SchemaModel model) {
        for (TableModel t : model.tables())
            for (var fk : t.foreignKeys()) {
                TableModel target = model.table(fk.refTable()).orElseThrow(() -> new IllegalArgumentException("table '" + t.name()
                        + "' references table '" + fk.refTable() + "', which the model does not declare"));
                for (String col : fk.refColumns())
                    if (target.column(col).isEmpty())
                        throw new IllegalArgumentException("table '" + t.name() + "' references " + fk.refTable() + "." + col
                                + ", which the model does not declare");
            }
    }
}
