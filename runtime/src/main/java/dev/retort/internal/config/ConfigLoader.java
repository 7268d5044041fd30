package dev.retort.internal.config;

import dev.retort.internal.naming.NamingConvention;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code retort.ini} and layers the sources, highest first: command-line flags, {@code -x KEY=VALUE},
 * {@code RETORT_*} environment variables, the chosen section ({@code -n} or {@code RETORT_ENV}), {@code [retort]},
 * defaults. The result is one immutable, validated {@link RetortConfig}; unknown keys become warnings.
 */
public final class ConfigLoader {
    public static final String MAIN_SECTION = "retort";
    static final String DEFAULT_FILE_TEMPLATE = "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s";
    /** The keys Retort reads (DESIGN §4); anything else in the file is reported as a likely typo. */
    static final List<String> KEYS = List.of("version_locations", "recursive_version_locations", "url", "user", "password",
            "language", "template", "template_locations", "file_template", "timezone", "truncate_slug_length", "version_table",
            "history_table", "transaction_per_migration", "model", "post_write_hooks", "create_database", "lock_timeout",
            "cache_dir", "compiled_revisions", "databases", "test_url", "test_user", "test_password", "test_labels", "fleet_url", "lint");
    /** {@code lint.RT104}: a lint rule's severity. Only code-shaped names, so a post-write hook named lint keeps its keys. */
    private static final Pattern LINT_RULE_KEY = Pattern.compile("lint\\.[A-Za-z]+\\d+");
    /** {@code naming_convention.fk = …}: the name a revision's unnamed constraints and indexes get, by kind. */
    static final String NAMING_CONVENTION = "naming_convention";
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{(env|sys):([^}]*)}");

    private ConfigLoader() {}

    /**
     * @param file      the ini file; when it does not exist, only defaults, environment and flags apply
     * @param section   the environment section to overlay on {@code [retort]} (or, in a multi-database project,
     *                  the one database to use), or null
     * @param x         {@code -x} values: override keys of the same name, and are variables for revision templates
     * @param env       the process environment (passed in so it can be tested)
     * @param flags     keys set by command-line flags ({@code url}, {@code user}, {@code password})
     */
    public static RetortConfig load(Path file, String section, Map<String, String> x, Map<String, String> env, Map<String, String> flags) {
        return load(file, section, x, env, flags, true);
    }

    /** As {@link #load}, without requiring the folders it names to exist: for {@code init} and {@code list-templates}. */
    public static RetortConfig loadWithoutPathChecks(Path file, String section, Map<String, String> x, Map<String, String> env,
                                                     Map<String, String> flags) {
        return load(file, section, x, env, flags, false);
    }

    private static RetortConfig load(Path file, String section, Map<String, String> x, Map<String, String> env,
                                     Map<String, String> flags, boolean checkPaths) {
        Path configFile = file.toAbsolutePath().normalize();
        Path here = configFile.getParent();
        IniFile ini = Files.exists(configFile) ? IniFile.read(configFile, env) : null;
        if (ini == null && section != null)
            throw new ConfigException("configuration file " + configFile + " does not exist, so section [" + section
                    + "] cannot be read; run from the project folder or point at its file with -c");
        List<String> readSections = new ArrayList<>();
        Map<String, Setting> fileLayers = new LinkedHashMap<>();
        if (ini != null && ini.hasSection(MAIN_SECTION)) {
            fileLayers.putAll(ini.section(MAIN_SECTION));
            readSections.add(MAIN_SECTION);
        }
        List<String> databases = list(value(fileLayers, "databases"));
        String chosenDatabase = null;
        if (section != null && databases.contains(section)) {
            chosenDatabase = section;
        } else if (section != null) {
            requireSection(ini, section, "the section chosen with -n or RETORT_ENV", null);
            fileLayers.putAll(ini.section(section));
            readSections.add(section);
            databases = list(value(fileLayers, "databases"));
        }

        Map<String, RetortConfig> perDatabase = new LinkedHashMap<>();
        Set<String> unset = new LinkedHashSet<>();
        Map<String, Setting> top = overlay(fileLayers, env, x, flags, here, unset);
        if (chosenDatabase != null) {
            requireSection(ini, chosenDatabase, "databases", fileLayers.get("databases"));
            top = overlay(databaseLayers(ini, fileLayers, chosenDatabase), env, x, flags, here, unset);
            readSections.add(chosenDatabase);
        } else {
            for (String name : databases) {
                requireSection(ini, name, "databases", fileLayers.get("databases"));
                readSections.add(name);
                Settings s = new Settings(overlay(databaseLayers(ini, fileLayers, name), env, x, flags, here, unset), configFile);
                perDatabase.put(name, build(configFile, here, s, x, checkPaths, Map.of(), List.of(), name));
            }
        }
        Settings settings = new Settings(top, configFile);
        List<String> warnings = new ArrayList<>(ini == null ? List.of() : unknownKeys(ini, readSections, settings));
        warnings.addAll(unset);
        // The top level of a multi-database project runs nothing itself, so its own version folder need not exist.
        return build(configFile, here, settings, x, checkPaths && perDatabase.isEmpty(), perDatabase, warnings,
                chosenDatabase != null ? chosenDatabase : section != null ? section : MAIN_SECTION);
    }

    private static Map<String, Setting> databaseLayers(IniFile ini, Map<String, Setting> fileLayers, String name) {
        Map<String, Setting> layers = new LinkedHashMap<>(fileLayers);
        layers.remove("databases");
        layers.putAll(ini.section(name));
        return layers;
    }

    private static void requireSection(IniFile ini, String name, String namedBy, Setting setting) {
        if (ini.hasSection(name)) return;
        String where = setting != null ? setting.where() + ": " + namedBy + " names" : ini.file() + ": " + namedBy + " is";
        throw new ConfigException(where + " [" + name + "], which is not a section of " + ini.file() + "; its sections are "
                + ini.sections() + "; add the section or fix the name");
    }

    private static String value(Map<String, Setting> m, String key) {
        Setting s = m.get(key);
        return s == null ? null : s.value();
    }

    /**
     * The file's layers, then RETORT_* environment variables, then -x, then flags; {@code ${here}} is the file's folder.
     * A value that is only an unset {@code ${env:…}}/{@code ${sys:…}} counts as not set (so no literal "${env:X}" is
     * ever used as a password); each unset reference adds a warning to {@code unset}.
     */
    private static Map<String, Setting> overlay(Map<String, Setting> fileLayers, Map<String, String> env, Map<String, String> x,
                                                Map<String, String> flags, Path here, Set<String> unset) {
        Map<String, Setting> v = new LinkedHashMap<>(fileLayers);
        for (String key : KEYS) {
            String name = "RETORT_" + key.toUpperCase(Locale.ROOT);
            if (env.containsKey(name)) v.put(key, new Setting(env.get(name), "environment variable " + name));
        }
        x.forEach((k, value) -> v.put(k, new Setting(value, "-x " + k)));
        flags.forEach((k, value) -> v.put(k, new Setting(value, "--" + k)));
        v.replaceAll((k, s) -> s.value() == null ? s : new Setting(s.value().replace("${here}", here.toString()), s.where()));
        v.forEach((key, setting) -> {
            if (setting.value() == null) return;
            Matcher m = UNRESOLVED.matcher(setting.value());
            while (m.find())
                unset.add(setting.where() + ": " + key + " uses " + m.group() + ", but " + (m.group(1).equals("env")
                        ? "the environment variable " : "the system property ") + m.group(2) + " is not set");
        });
        v.values().removeIf(s -> s.value() != null && UNRESOLVED.matcher(s.value()).matches());
        return v;
    }

    private static RetortConfig build(Path configFile, Path here, Settings s, Map<String, String> x, boolean checkPaths,
                                      Map<String, RetortConfig> databases, List<String> warnings, String section) {
        List<Path> versionLocations = s.paths(here, "version_locations", "versions");
        List<Path> templateLocations = s.paths(here, "template_locations", "");
        if (checkPaths) {
            s.requireFolders("version_locations", versionLocations);
            s.requireExisting("template_locations", templateLocations);
        }
        ScriptLanguage language;
        try {
            language = ScriptLanguage.byName(s.string("language", "groovy").trim());
        } catch (IllegalArgumentException e) {
            throw s.bad("language", "is not a script language", "write groovy or kotlin");
        }
        Map<String, String> pool = new TreeMap<>();
        s.all().forEach((k, v) -> { if (k.startsWith("pool.")) pool.put(k.substring(5), v.value()); });
        Map<String, String> templateVariables = new LinkedHashMap<>(x);
        templateVariables.remove("password");
        templateVariables.remove("test_password");
        Map<String, String> origins = new HashMap<>();
        s.all().forEach((k, v) -> origins.put(k, v.where()));
        return new RetortConfig(configFile, here, versionLocations, s.bool("recursive_version_locations", false),
                s.string("url", "jdbc:h2:file:" + here.resolve(".retort/retort")),
                s.string("user", null), s.string("password", null),
                language, s.string("template", null), templateLocations,
                s.fileTemplate("file_template", DEFAULT_FILE_TEMPLATE),
                s.zone("timezone", "UTC"),
                s.positiveInt("truncate_slug_length", 40),
                s.string("version_table", "retort_version"),
                s.string("history_table", "retort_history"),
                s.bool("transaction_per_migration", false),
                s.string("model", null) == null ? null : here.resolve(s.string("model", null)).normalize(),
                hooks(s, here),
                s.bool("create_database", false),
                s.duration("lock_timeout", Duration.ofSeconds(60)),
                pool,
                here.resolve(s.string("cache_dir", ".retort/cache")).normalize(),
                // Folders or jars written by 'retort compile'; looked up before the cache. Absent ones are skipped quietly:
                // the same retort.ini serves a checkout (nothing compiled yet) and a deploy (compiled revisions shipped).
                s.paths(here, "compiled_revisions", ""),
                templateVariables, databases, origins, warnings,
                new TestSettings(s.string("test_url", null), s.string("test_user", null), s.string("test_password", null), s.list("test_labels")),
                s.string("fleet_url", null), section, lint(s), naming(s));
    }

    /**
     * {@code naming_convention.pk = pk_%(table_name)s}, and {@code .fk}, {@code .uq}, {@code .ck}, {@code .ix}: SQLAlchemy's
     * keys and tokens, checked here, so an unknown key or token stops every command at its line.
     */
    private static NamingConvention naming(Settings s) {
        if (s.string(NAMING_CONVENTION, null) != null)
            throw s.bad(NAMING_CONVENTION, "is not a setting itself", "write one key per kind, such as "
                    + NAMING_CONVENTION + ".pk = pk_%(table_name)s (the kinds are pk, fk, uq, ck and ix)");
        Map<NamingConvention.Kind, String> templates = new EnumMap<>(NamingConvention.Kind.class);
        s.all().forEach((key, setting) -> {
            if (!key.startsWith(NAMING_CONVENTION + ".") || setting.value() == null) return;
            String kindKey = key.substring(NAMING_CONVENTION.length() + 1);
            NamingConvention.Kind kind = NamingConvention.Kind.byKey(kindKey).orElseThrow(() -> s.bad(key,
                    "names no kind of constraint or index", "use " + NAMING_CONVENTION + ".pk, .fk, .uq, .ck or .ix"));
            try {
                NamingConvention.of(Map.of(kind, setting.value()));
            } catch (IllegalArgumentException e) {
                throw s.bad(key, e.getMessage(), "fix the template");
            }
            templates.put(kind, setting.value());
        });
        return NamingConvention.of(templates);
    }

    /** {@code lint = off|warning|error} and {@code lint.RT104 = error|warning|info|off}; the rule codes are checked by lint. */
    private static LintSettings lint(Settings s) {
        LintSettings.Mode mode = s.choice("lint", LintSettings.Mode.class, LintSettings.Mode.OFF);
        Map<String, LintSettings.Level> levels = new TreeMap<>();
        Map<String, String> origins = new HashMap<>();
        s.all().forEach((k, v) -> {
            if (!LINT_RULE_KEY.matcher(k).matches()) return;
            levels.put(k.substring(5).toUpperCase(Locale.ROOT), s.choice(k, LintSettings.Level.class, null));
            origins.put(k.substring(5).toUpperCase(Locale.ROOT), v.where());
        });
        return new LintSettings(mode, levels, origins);
    }

    private static List<PostWriteHook> hooks(Settings s, Path here) {
        List<PostWriteHook> hooks = new ArrayList<>();
        for (String name : s.list("post_write_hooks")) {
            String type = s.string(name + ".type", null);
            if (type == null)
                throw s.bad("post_write_hooks", "names the hook '" + name + "', but " + name + ".type is not set",
                        "add " + name + ".type = exec and " + name + ".executable = COMMAND");
            if (!type.trim().equals("exec"))
                throw s.bad(name + ".type", "is not a hook type Retort runs", "write exec");
            String executable = s.string(name + ".executable", null);
            if (executable == null || executable.isBlank())
                throw s.bad(name + ".type", "needs " + name + ".executable", "add " + name + ".executable = COMMAND");
            hooks.add(new PostWriteHook(name, executable.trim(), s.string(name + ".options", ""),
                    here.resolve(s.string(name + ".cwd", ".")).normalize()));
        }
        return hooks;
    }

    /** One line per unknown key in the sections read. */
    private static List<String> unknownKeys(IniFile ini, List<String> sections, Settings settings) {
        List<String> hooks = settings.list("post_write_hooks");
        List<String> out = new ArrayList<>();
        for (String section : sections)
            ini.section(section).forEach((key, setting) -> {
                int dot = key.indexOf('.');
                if (KEYS.contains(key) || key.startsWith("pool.") || key.startsWith(NAMING_CONVENTION + ".") || LINT_RULE_KEY.matcher(key).matches() || dot > 0 && hooks.contains(key.substring(0, dot))) return;
                String hint = dot > 0 ? " (is '" + key.substring(0, dot) + "' listed in post_write_hooks?)"
                        : closest(key).map(k -> "; did you mean '" + k + "'?").orElse("");
                out.add(setting.where() + ": unknown key '" + key + "' is ignored" + hint);
            });
        return out;
    }

    private static Optional<String> closest(String key) {
        return KEYS.stream().filter(k -> distance(k, key) <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(k -> distance(k, key)));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /** Splits on spaces, commas or the OS path separator, as Alembic does. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.trim().split("[\\s,]+|" + Pattern.quote(java.io.File.pathSeparator)))
                .filter(s -> !s.isBlank()).toList();
    }
}
