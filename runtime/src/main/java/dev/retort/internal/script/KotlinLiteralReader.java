package dev.retort.internal.script;

import dev.retort.dsl.kotlin.MigrationDsl;
import dev.retort.dsl.kotlin.RevisionDsl;
import dev.retort.dsl.op.Operation;
import dev.retort.internal.script.LiteralSyntax.Decline;
import dev.retort.internal.script.LiteralSyntax.Kind;
import dev.retort.internal.script.LiteralSyntax.Token;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;

/**
 * Reads a Kotlin revision that is nothing but DSL calls with literal arguments, without the Kotlin compiler (whose start-up
 * alone is seconds): {@code createTable("t") { column("id", integer, primaryKey = true) }}, {@code createIndex(…)}.
 * <p>
 * As {@link GroovyLiteralReader} does for Groovy, it calls the DSL's own functions ({@link RevisionDsl}, {@link MigrationDsl},
 * the table receiver and the vocabulary) as the compiled script would: named arguments by the parameters' names, and a
 * parameter left out through the function's own default (Kotlin's {@code $default} method), so defaults and checks are the
 * DSL's. Anything outside the subset (a {@code val}, a loop, a {@code $} in a string, a lambda with parameters,
 * {@code connection { }}, an import, a class, a call on another receiver, an unknown name, a block comment, a call that
 * throws) makes it decline, and the script is compiled as before.
 */
final class KotlinLiteralReader {
    private KotlinLiteralReader() {}

    /** Changes to what the reader accepts or records: part of the compile cache key. */
    static final String VERSION = "kotlin-literal-reader 1";

    private static final Set<String> BLOCK_METHODS = Set.of("createTable", "onDialect", "autocommit", "safetyAssured", "upgrade", "downgrade");
    private static final Set<String> HEADER_METHODS = Set.of("revision", "revises", "message", "branchLabels", "dependsOn", "adopts",
            "replaces", "upgrade", "downgrade");
    private static final String DSL_PACKAGE = RevisionDsl.class.getPackageName();
    private static final Class<?> VOCABULARY = vocabulary();

    private static Class<?> vocabulary() {
        try {
            return Class.forName(DSL_PACKAGE + ".Vocabulary", false, KotlinLiteralReader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the Kotlin DSL's vocabulary is missing from the classpath", e);
        }
    }

    /** The revision as the compiled script would record it; empty when the script is outside the subset this reader takes. */
    static Optional<LoadedRevision> read(RevisionSource source, String text) {
        return LiteralSyntax.read(() -> new Parser(LiteralSyntax.tokens(text, KOTLIN)).script(), statements -> run(source, statements));
    }

    private static LoadedRevision run(RevisionSource source, List<Statement> statements) {
        Map<Operation, Integer> lines = new IdentityHashMap<>();
        RevisionDsl script = new RevisionDsl(new RevisionSqlFiles(source.file()));
        for (Statement s : statements) {
            if (!HEADER_METHODS.contains(s.name())) throw new Decline();
            runStatement(script, s, lines);
        }
        MigrationDsl up = script.recordUpgrade();
        MigrationDsl down = script.recordDowngrade();
        return new LoadedRevision(source, up.operations(), script.hasDowngrade() ? Optional.of(down.operations()) : Optional.empty(),
                lines, up.assured());
    }

    /** Runs one statement on its receiver, then gives the operations it recorded the statement's line. */
    private static void runStatement(Object receiver, Statement s, Map<Operation, Integer> lines) {
        if (s.block() != null && !BLOCK_METHODS.contains(s.name())) throw new Decline();
        if (s.block() == null && (s.name().equals("upgrade") || s.name().equals("downgrade"))) throw new Decline();
        List<Object> positional = new ArrayList<>();
        for (Expr e : s.positional()) positional.add(e.value());
        Map<String, Object> named = new LinkedHashMap<>();
        s.named().forEach((k, v) -> named.put(k, v.value()));
        Object block = s.block() == null ? null : new ReadBlock(s.block(), lines);
        int before = receiver instanceof MigrationDsl m ? m.operations().size() : 0;
        Bound call = null;
        for (Method m : receiver.getClass().getMethods()) {
            if (!m.getName().equals(s.name()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.getReturnType() != void.class
                    || !m.getDeclaringClass().getPackageName().equals(DSL_PACKAGE)) continue;
            Bound b = bind(m, positional, named, block);
            if (b == null) continue;
            if (call != null) throw new Decline(); // ambiguous to this reader
            call = b;
        }
        if (call == null) throw new Decline();
        call.invoke(receiver);
        if (receiver instanceof MigrationDsl m) {
            List<Operation> ops = m.operations();
            for (int i = before; i < ops.size(); i++) lines.putIfAbsent(ops.get(i), s.line());
        }
    }

    /** A function and the arguments it gets, with the parameters left to their defaults. */
    private record Bound(Method method, Object[] args, int[] masks) {
        void invoke(Object receiver) {
            try {
                if (masks == null) { method.invoke(receiver, args); return; }
                Method withDefaults = defaults(method);
                Object[] all = new Object[args.length + masks.length + 2];
                all[0] = receiver;
                System.arraycopy(args, 0, all, 1, args.length);
                for (int i = 0; i < masks.length; i++) all[1 + args.length + i] = masks[i];
                all[all.length - 1] = null;
                withDefaults.invoke(null, all);
            } catch (ReflectiveOperationException e) {
                    throw new Decline();
            }
        }
    }

    /** Kotlin's {@code name$default(receiver, params…, masks…, marker)}: the function with its own defaults filled in. */
    private static Method defaults(Method m) throws NoSuchMethodException {
        Class<?>[] params = m.getParameterTypes();
        int masks = (params.length + 31) / 32;
        Class<?>[] types = new Class<?>[params.length + masks + 2];
        types[0] = m.getDeclaringClass();
        System.arraycopy(params, 0, types, 1, params.length);
        for (int i = 0; i < masks; i++) types[1 + params.length + i] = int.class;
        types[types.length - 1] = Object.class;
        Method d = m.getDeclaringClass().getDeclaredMethod(m.getName() + "$default", types);
        if (!Modifier.isStatic(d.getModifiers())) throw new NoSuchMethodException(d.toString());
        return d;
    }

    /** Binds Kotlin's way: positional arguments in order (a vararg takes the strings in its place), then named, then the lambda. */
    private static Bound bind(Method m, List<Object> positional, Map<String, Object> named, Object block) {
        Parameter[] params = m.getParameters();
        if (params.length > 0 && !params[0].isNamePresent()) return null;
        Object[] args = new Object[params.length];
        boolean[] given = new boolean[params.length];
        int p = 0;
        int last = params.length;
        if (block != null) {
            if (params.length == 0 || params[params.length - 1].getType() != Function1.class) return null;
            last = params.length - 1;
            args[last] = block;
            given[last] = true;
        }
        int i = 0;
        while (p < positional.size()) {
            if (i >= last) return null;
            Class<?> type = params[i].getType();
            if (type == String[].class) {
                List<String> rest = new ArrayList<>();
                while (p < positional.size() && positional.get(p) instanceof String str) { rest.add(str); p++; }
                args[i] = rest.toArray(new String[0]);
            } else {
                if (!fits(type, positional.get(p))) return null;
                args[i] = positional.get(p++);
            }
            given[i++] = true;
        }
        for (Map.Entry<String, Object> e : named.entrySet()) {
            int at = -1;
            for (int j = 0; j < last; j++) if (params[j].getName().equals(e.getKey())) at = j;
            if (at < 0 || given[at] || !fits(params[at].getType(), e.getValue())) return null;
            args[at] = e.getValue();
            given[at] = true;
        }
        int[] masks = null;
        for (int j = 0; j < params.length; j++) {
            if (given[j]) continue;
            if (params[j].getType() == String[].class) { args[j] = new String[0]; given[j] = true; continue; }
            if (masks == null) masks = new int[(params.length + 31) / 32];
            masks[j / 32] |= 1 << (j % 32);
            args[j] = placeholder(params[j].getType());
        }
        if (masks != null) {
            try {
                defaults(m);
            } catch (NoSuchMethodException e) {
                return null; // a parameter without a default was left out
            }
        }
        return new Bound(m, args, masks);
    }

    private static Object placeholder(Class<?> type) {
        if (type == boolean.class) return false;
        if (type == int.class) return 0;
        if (type.isPrimitive()) throw new Decline();
        return null;
    }

    private static boolean fits(Class<?> param, Object arg) {
        if (arg == null) return !param.isPrimitive();
        if (param == int.class) return arg instanceof Integer;
        if (param == boolean.class) return arg instanceof Boolean;
        if (param.isPrimitive()) return false;
        return param.isInstance(arg);
    }

    /** A lambda written in the script, as the function the DSL receives: its statements run on the receiver it is given. */
    private static final class ReadBlock implements Function1<Object, Unit> {
        private final List<Statement> statements;
        private final Map<Operation, Integer> lines;

        ReadBlock(List<Statement> statements, Map<Operation, Integer> lines) {
            this.statements = statements;
            this.lines = lines;
        }

        @Override public Unit invoke(Object receiver) {
            for (Statement s : statements) runStatement(receiver, s, lines);
            return Unit.INSTANCE;
        }
    }

    // ---- syntax ------------------------------------------------------------------------------------

    private record Statement(String name, int line, Map<String, Expr> named, List<Expr> positional, List<Statement> block) {}

    private sealed interface Expr permits Literal, Word, Call {
        Object value();
    }

    private record Literal(Object v) implements Expr {
        @Override public Object value() { return v; }
    }

    /** A vocabulary property ({@code integer}), read through its getter. */
    private record Word(String name) implements Expr {
        @Override public Object value() {
            return callStatic(VOCABULARY, "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1), List.of());
        }
    }

    /** A vocabulary function ({@code string(100)}, {@code now()}) or {@code listOf(…)}. */
    private record Call(String name, List<Expr> args) implements Expr {
        @Override public Object value() {
            List<Object> values = new ArrayList<>();
            for (Expr e : args) values.add(e.value());
            if (name.equals("listOf")) {
                // The standard library's own: one element takes listOf(element), more the vararg form, as Kotlin resolves it.
                if (values.isEmpty()) throw new Decline();
                // Looked up through the public facade, as the compiled call links to it (the method's own class is not public).
                try {
                    Class<?> collections = Class.forName("kotlin.collections.CollectionsKt");
                    var lookup = java.lang.invoke.MethodHandles.publicLookup();
                    return values.size() == 1
                            ? lookup.findStatic(collections, "listOf", java.lang.invoke.MethodType.methodType(List.class, Object.class)).invoke(values.get(0))
                            : lookup.findStatic(collections, "listOf", java.lang.invoke.MethodType.methodType(List.class, Object[].class))
                                    .asFixedArity().invoke(values.toArray());
                } catch (Throwable e) {
                    throw new Decline();
                }
            }
            return callStatic(VOCABULARY, name, values);
        }
    }

    private static Object callStatic(Class<?> type, String name, List<Object> args) {
        Method found = null;
        Object[] actual = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || !Modifier.isStatic(m.getModifiers())) continue;
            Class<?>[] params = m.getParameterTypes();
            Object[] a;
            if (params.length == 1 && params[0] == String[].class && args.stream().allMatch(x -> x instanceof String)) {
                a = new Object[] {args.stream().map(String.class::cast).toArray(String[]::new)};
            } else {
                if (params.length != args.size()) continue;
                boolean ok = true;
                for (int i = 0; i < params.length; i++) ok &= fits(params[i], args.get(i));
                if (!ok) continue;
                a = args.toArray();
            }
            if (found != null) throw new Decline();
            found = m;
            actual = a;
        }
        if (found == null) throw new Decline();
        try {
            return found.invoke(null, actual);
        } catch (ReflectiveOperationException e) {
            throw new Decline();
        }
    }

    /** Kotlin's spelling: double-quoted strings, named arguments with {@code =}, a decimal is a Double. */
    private static final LiteralSyntax.Spelling KOTLIN = new LiteralSyntax.Spelling() {
        @Override public boolean isQuote(char c) { return c == '"'; }
        @Override public String punctuation() { return "(){},;=-"; }
        @Override public Object number(String text, boolean decimal) { return decimal ? (Object) Double.valueOf(text) : Integer.valueOf(text); }
    };

    private static final class Parser extends LiteralSyntax.Parser<Statement> {
        Parser(List<Token> tokens) { super(tokens); }

        @Override protected Statement statement() {
            Token name = next();
            if (name.kind() != Kind.NAME) throw new Decline();
            Map<String, Expr> named = new LinkedHashMap<>();
            List<Expr> positional = new ArrayList<>();
            List<Statement> block = null;
            if (peek().is("(")) {
                p++;
                arguments(named, positional, name.line());
                if (peek().is("{")) block = block();
            } else if (peek().is("{")) {
                block = block();
            } else {
                throw new Decline();
            }
            return new Statement(name.text(), name.line(), named, positional, block);
        }

        /** Arguments up to the closing parenthesis; a positional one after a named one, or a name on a later line, declines. */
        private void arguments(Map<String, Expr> named, List<Expr> positional, int line) {
            skipLineEnds();
            if (peek().is(")")) { p++; return; }
            while (true) {
                skipLineEnds();
                Token t = peek();
                if (t.kind() == Kind.NAME && tokens.get(p + 1).is("=")) {
                    p += 2;
                    skipLineEnds();
                    if (named.put(t.text(), value(line)) != null) throw new Decline();
                } else {
                    if (!named.isEmpty()) throw new Decline();
                    positional.add(value(line));
                }
                skipLineEnds();
                Token after = next();
                if (after.is(")")) return;
                if (!after.is(",")) throw new Decline();
                skipLineEnds();
                if (peek().is(")")) { p++; return; } // Kotlin allows a trailing comma
            }
        }

        private Expr value(int line) {
            Token t = next();
            switch (t.kind()) {
                case STRING, NUMBER -> { return new Literal(t.value()); }
                case PUNCT -> {
                    if (t.is("-") && peek().kind() == Kind.NUMBER) {
                        Object v = next().value();
                        return new Literal(v instanceof Integer n ? (Object) Integer.valueOf(-n) : (Object) (-(Double) v));
                    }
                    throw new Decline();
                }
                case NAME -> {
                    switch (t.text()) {
                        case "true": return new Literal(Boolean.TRUE);
                        case "false": return new Literal(Boolean.FALSE);
                        case "null": return new Literal(null);
                        default: break;
                    }
                    if (t.line() != line) throw new Decline();
                    if (peek().is("(")) {
                        p++;
                        List<Expr> args = new ArrayList<>();
                        Map<String, Expr> named = new LinkedHashMap<>();
                        arguments(named, args, line);
                        if (!named.isEmpty() || peek().is("{")) throw new Decline();
                        return new Call(t.text(), args);
                    }
                    return new Word(t.text());
                }
                default -> throw new Decline();
            }
        }
    }
}
