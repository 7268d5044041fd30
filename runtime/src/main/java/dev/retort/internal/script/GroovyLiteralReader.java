package dev.retort.internal.script;

import dev.retort.dsl.groovy.MigrationBuilder;
import dev.retort.dsl.groovy.RevisionScript;
import dev.retort.dsl.groovy.TypeVocabulary;
import dev.retort.dsl.op.Operation;
import dev.retort.internal.script.LiteralSyntax.Decline;
import dev.retort.internal.script.LiteralSyntax.Kind;
import dev.retort.internal.script.LiteralSyntax.Token;
import groovy.lang.Closure;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Groovy revision that is nothing but DSL calls with literal arguments, without compiling it: most revisions are
 * {@code createTable('t') { column 'id', integer, primaryKey: true }}, {@code createIndex …}, {@code execute '…'}. A cold run
 * then costs neither Groovy's compiler nor a class per script.
 * <p>
 * The reader does not interpret the DSL itself: it calls the same public methods of {@link RevisionScript},
 * {@link MigrationBuilder} and the table builder that the compiled script would call (through Groovy's rules for named
 * arguments and trailing blocks), so defaults and checks are the DSL's own. It is strict: anything outside the literal subset
 * (a variable, a loop, a {@code $} in a string, a block with parameters, {@code connection { }}, an import, a class, a call on
 * another receiver, an unknown name, a block comment, a call that throws) makes it decline, and the script is compiled as
 * before. Every operation gets the line of the statement that recorded it, as the compiled script's stack frame gives it.
 */
final class GroovyLiteralReader {
    private GroovyLiteralReader() {}

    /** Changes to what the reader accepts or records: part of the compile cache key, as the compiler's options are. */
    static final String VERSION = "literal-reader 1";

    /** The only methods a block may pass a block to; {@code connection { }} holds code and is never read as data. */
    private static final Set<String> BLOCK_METHODS = Set.of("createTable", "onDialect", "autocommit", "safetyAssured");
    /** What a script may call at its top level. */
    private static final Set<String> HEADER_METHODS = Set.of("revision", "revises", "message", "branchLabels", "dependsOn", "adopts",
            "replaces", "upgrade", "downgrade");
    /** Groovy keywords that evaluate to primitive classes, which the DSL accepts as column types. */
    private static final Map<String, Class<?>> KEYWORD_TYPES = Map.of("boolean", boolean.class, "float", float.class, "double", double.class);

    /** The revision as the compiled script would record it; empty when the script is outside the subset this reader takes. */
    static Optional<LoadedRevision> read(RevisionSource source, String text) {
        return LiteralSyntax.read(() -> new Parser(LiteralSyntax.tokens(text, GROOVY)).script(), statements -> run(source, statements));
    }

    private static LoadedRevision run(RevisionSource source, List<Statement> statements) {
        Lines lines = new Lines();
        RevisionScript script = new ReadScript();
        script.readSqlFilesWith(new RevisionSqlFiles(source.file()));
        for (Statement s : statements) {
            if (!HEADER_METHODS.contains(s.name())) throw new Decline();
            invoke(script, s, lines, RevisionScript.class);
        }
        MigrationBuilder up = script.recordUpgrade();
        MigrationBuilder down = script.recordDowngrade();
        return new LoadedRevision(source, up.operations(), script.hasDowngrade() ? Optional.of(down.operations()) : Optional.empty(),
                lines.byOperation, up.assured());
    }

    /** The script object the header and block calls go to; its body is what this reader reads, so it has none of its own. */
    private static final class ReadScript extends RevisionScript {
        @Override public Object run() { return null; }
    }

    /** Each operation's statement line, by identity as the builders keep them; a nested block's operations keep their own. */
    private static final class Lines {
        final Map<Operation, Integer> byOperation = new IdentityHashMap<>();

        void statementRan(Object receiver, int recordedBefore, int line) {
            if (!(receiver instanceof MigrationBuilder b)) return;
            List<Operation> ops = b.operations();
            for (int i = recordedBefore; i < ops.size(); i++) byOperation.putIfAbsent(ops.get(i), line);
        }
    }

    private static int recorded(Object receiver) { return receiver instanceof MigrationBuilder b ? b.operations().size() : 0; }

    /** Runs one statement on its receiver (the delegate of the block it is in), as Groovy dispatches the call. */
    private static void invoke(Object receiver, Statement s, Lines lines, Class<?> declaring) {
        List<Object> args = new ArrayList<>();
        if (!s.named().isEmpty()) {
            Map<String, Object> named = new LinkedHashMap<>();
            s.named().forEach((k, v) -> named.put(k, v.value(receiver)));
            args.add(named);
        }
        for (Expr e : s.positional()) args.add(e.value(receiver));
        if (s.block() != null) {
            if (!BLOCK_METHODS.contains(s.name()) && !s.name().equals("upgrade") && !s.name().equals("downgrade")) throw new Decline();
            args.add(new ReadBlock(receiver, s.block(), lines));
        } else if (s.name().equals("upgrade") || s.name().equals("downgrade")) {
            throw new Decline();
        }
        int before = recorded(receiver);
        Method m = resolve(receiver.getClass(), s.name(), args, true);
        if (m == null || !declaredByDsl(m, declaring)) throw new Decline();
        call(m, receiver, args);
        lines.statementRan(receiver, before, s.line());
    }

    /** A method of the DSL's own classes (never {@code Object}'s or Groovy's), one of the script's or its builders'. */
    private static boolean declaredByDsl(Method m, Class<?> declaring) {
        Class<?> owner = m.getDeclaringClass();
        if (declaring == RevisionScript.class) return owner == RevisionScript.class;
        return owner.getPackageName().equals(MigrationBuilder.class.getPackageName()) && owner != RevisionScript.class;
    }

    private static Object call(Method m, Object receiver, List<Object> args) {
        Object[] actual = packVarargs(m, args);
        try {
            return m.invoke(receiver, actual);
        } catch (ReflectiveOperationException e) {
            throw new Decline();
        }
    }

    /**
     * The one public method Groovy would call with these arguments: a fixed-arity match, else a varargs one; more than
     * one candidate of the same kind is ambiguous to this reader, which then declines. Statements must return nothing.
     */
    private static Method resolve(Class<?> type, String name, List<Object> args, boolean statement) {
        Method fixed = null, varargs = null;
        int fixedCount = 0, varargsCount = 0;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers())) continue;
            if (statement && m.getReturnType() != void.class) continue;
            if (fits(m.getParameterTypes(), args, false)) { fixed = m; fixedCount++; }
            else if (m.isVarArgs() && fits(m.getParameterTypes(), args, true)) { varargs = m; varargsCount++; }
        }
        if (fixedCount == 1) return fixed;
        if (fixedCount == 0 && varargsCount == 1) return varargs;
        return null;
    }

    private static boolean fits(Class<?>[] params, List<Object> args, boolean varargs) {
        if (!varargs) {
            if (params.length != args.size()) return false;
            for (int i = 0; i < params.length; i++) if (!fits(params[i], args.get(i))) return false;
            return true;
        }
        int fixed = params.length - 1;
        if (args.size() < fixed) return false;
        for (int i = 0; i < fixed; i++) if (!fits(params[i], args.get(i))) return false;
        Class<?> component = params[fixed].getComponentType();
        for (int i = fixed; i < args.size(); i++) if (!fits(component, args.get(i))) return false;
        return true;
    }

    private static boolean fits(Class<?> param, Object arg) {
        if (arg == null) return !param.isPrimitive();
        if (param == int.class) return arg instanceof Integer;
        if (param == boolean.class) return arg instanceof Boolean;
        if (param.isPrimitive()) return false;
        return param.isInstance(arg);
    }

    private static Object[] packVarargs(Method m, List<Object> args) {
        Class<?>[] params = m.getParameterTypes();
        if (!m.isVarArgs() || (params.length == args.size() && fits(params[params.length - 1], args.get(args.size() - 1))))
            return args.toArray();
        int fixed = params.length - 1;
        Object[] actual = new Object[params.length];
        for (int i = 0; i < fixed; i++) actual[i] = args.get(i);
        Object rest = java.lang.reflect.Array.newInstance(params[fixed].getComponentType(), args.size() - fixed);
        for (int i = fixed; i < args.size(); i++) java.lang.reflect.Array.set(rest, i - fixed, args.get(i));
        actual[fixed] = rest;
        return actual;
    }

    /**
     * A block written in the script, as the closure the DSL method receives. Its statements run on whatever delegate the
     * DSL gives it (a migration or table builder), exactly as the compiled closure's calls would resolve delegate-first.
     * Calling it goes straight to the statements, so no Groovy method dispatch is involved.
     */
    private static final class ReadBlock extends Closure<Object> {
        private final transient List<Statement> statements;
        private final transient Lines lines;

        ReadBlock(Object owner, List<Statement> statements, Lines lines) {
            super(owner);
            this.statements = statements;
            this.lines = lines;
        }

        @SuppressWarnings("unused") // Groovy reads the block's parameters from its doCall methods: none.
        public Object doCall() { return call(); }

        @Override public Object call() {
            Object delegate = getDelegate();
            for (Statement s : statements) invoke(delegate, s, lines, delegate.getClass());
            return null;
        }

        @Override public Object call(Object... args) {
            if (args != null && args.length > 0) throw new Decline();
            return call();
        }

        @Override public Object call(Object arg) { throw new Decline(); }
    }

    // ---- syntax: statements and values -------------------------------------------------------------

    /** {@code name(args) { block }} or {@code name args}: named arguments in written order, then the others. */
    private record Statement(String name, int line, Map<String, Expr> named, List<Expr> positional, List<Statement> block) {}

    private sealed interface Expr permits Literal, Word, Call, ListExpr, MapExpr {
        Object value(Object receiver);
    }

    private record Literal(Object v) implements Expr {
        @Override public Object value(Object receiver) { return v; }
    }

    /** A type word ({@code integer}), read through the builder's own getter, or a keyword type ({@code boolean}). */
    private record Word(String name) implements Expr {
        @Override public Object value(Object receiver) {
            Class<?> keyword = KEYWORD_TYPES.get(name);
            if (keyword != null) return keyword;
            Method getter = resolve(receiver.getClass(), "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1), List.of(), false);
            if (getter == null || getter.getDeclaringClass() != TypeVocabulary.class) throw new Decline();
            return call(getter, receiver, List.of());
        }
    }

    /** A vocabulary call such as {@code string(100)} or {@code now()}. */
    private record Call(String name, List<Expr> args) implements Expr {
        @Override public Object value(Object receiver) {
            List<Object> values = new ArrayList<>();
            for (Expr e : args) values.add(e.value(receiver));
            Method m = resolve(receiver.getClass(), name, values, false);
            if (m == null || m.getDeclaringClass() != TypeVocabulary.class) throw new Decline();
            return call(m, receiver, values);
        }
    }

    private record ListExpr(List<Expr> items) implements Expr {
        @Override public Object value(Object receiver) {
            List<Object> out = new ArrayList<>();
            for (Expr e : items) out.add(e.value(receiver));
            return out;
        }
    }

    private record MapExpr(Map<String, Expr> entries) implements Expr {
        @Override public Object value(Object receiver) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v.value(receiver)));
            return out;
        }
    }

    /** Groovy's spelling: strings in either quote, {@code [list]} and {@code [map:]} brackets, named arguments with {@code :}. */
    private static final LiteralSyntax.Spelling GROOVY = new LiteralSyntax.Spelling() {
        @Override public boolean isQuote(char c) { return c == '\'' || c == '"'; }
        @Override public String punctuation() { return "(){}[],:;-"; }
        @Override public Object number(String text, boolean decimal) { return decimal ? new BigDecimal(text) : Integer.valueOf(text); }
    };

    private static final class Parser extends LiteralSyntax.Parser<Statement> {
        Parser(List<Token> tokens) { super(tokens); }

        @Override protected Statement statement() {
            Token name = next();
            if (name.kind() != Kind.NAME) throw new Decline();
            Map<String, Expr> named = new LinkedHashMap<>();
            List<Expr> positional = new ArrayList<>();
            List<Statement> block = null;
            Token t = peek();
            if (t.is("(")) {
                p++;
                arguments(named, positional, ")", name.line());
                expect(")");
                if (peek().is("{")) block = block();
            } else if (t.is("{")) {
                block = block();
            } else if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
                // A command expression: `column 'id', integer, primaryKey: true`. Its first argument is a literal, so it
                // cannot be read as an index, a binary operator or a chained call.
                arguments(named, positional, null, name.line());
            } else {
                throw new Decline();
            }
            return new Statement(name.text(), name.line(), named, positional, block);
        }

        /**
         * Comma-separated arguments until {@code close} (inside parentheses, where line ends do not matter) or, for a command
         * expression, until the line ends. A name or call on a later line than the statement declines: Groovy may give the
         * call that line in its stack frame, and the recorded line must be the compiled script's.
         */
        private void arguments(Map<String, Expr> named, List<Expr> positional, String close, int line) {
            if (close != null) skipLineEnds();
            if (close != null && peek().is(close)) return;
            while (true) {
                Token t = peek();
                // An argument that starts on a later line declines: Groovy then gives the call the line of its last
                // argument, and the recorded line must be the compiled script's. (A list may run on; it starts here.)
                if (t.line() != line) throw new Decline();
                boolean key = (t.kind() == Kind.NAME || t.kind() == Kind.STRING) && tokens.get(p + 1).is(":");
                if (key) {
                    p += 2;
                    if (close != null) skipLineEnds();
                    if (named.put(t.text(), value(line)) != null) throw new Decline();
                } else {
                    positional.add(value(line));
                }
                if (close != null) skipLineEnds();
                if (!peek().is(",")) return;
                p++;
                skipLineEnds();
            }
        }

        private Expr value(int line) {
            Token t = next();
            switch (t.kind()) {
                case STRING, NUMBER -> { return new Literal(t.value()); }
                case PUNCT -> {
                    if (t.is("-") && peek().kind() == Kind.NUMBER) {
                        Object v = next().value();
                        return new Literal(v instanceof Integer n ? Integer.valueOf(-n) : ((BigDecimal) v).negate());
                    }
                    if (t.is("[")) return collection(line);
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
                        arguments(named, args, ")", line);
                        expect(")");
                        if (!named.isEmpty()) throw new Decline();
                        return new Call(t.text(), args);
                    }
                    return new Word(t.text());
                }
                default -> throw new Decline();
            }
        }

        /** {@code [a, b]}, {@code [k: v, …]} or {@code [:]}. */
        private Expr collection(int line) {
            skipLineEnds();
            if (peek().is(":") && tokens.get(p + 1).is("]")) { p += 2; return new MapExpr(Map.of()); }
            if (peek().is("]")) { p++; return new ListExpr(List.of()); }
            Token first = peek();
            boolean map = (first.kind() == Kind.NAME || first.kind() == Kind.STRING) && tokens.get(p + 1).is(":");
            List<Expr> items = new ArrayList<>();
            Map<String, Expr> entries = new LinkedHashMap<>();
            while (true) {
                skipLineEnds();
                if (map) {
                    Token k = next();
                    if ((k.kind() != Kind.NAME && k.kind() != Kind.STRING) || !next().is(":")) throw new Decline();
                    skipLineEnds();
                    if (entries.put(k.text(), value(line)) != null) throw new Decline();
                } else {
                    items.add(value(line));
                }
                skipLineEnds();
                Token t = next();
                if (t.is("]")) break;
                if (!t.is(",")) throw new Decline();
                skipLineEnds();
                if (peek().is("]")) { p++; break; } // Groovy allows a trailing comma
            }
            return map ? new MapExpr(entries) : new ListExpr(items);
        }
    }
}
