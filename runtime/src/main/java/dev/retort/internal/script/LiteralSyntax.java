package dev.retort.internal.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Groovy and Kotlin literal readers share: the tokens, the lexer, and a parser's cursor and statement lists.
 * A language states only how it spells what differs ({@link Spelling}); its reader parses arguments and values itself.
 * Anything the lexer does not know declines ({@link Decline}), so a script outside the subset is compiled.
 */
final class LiteralSyntax {
    private LiteralSyntax() {}

    /**
     * Parses a script, then records it by running its statements on the DSL; empty when it leaves the subset, or when a
     * DSL call refuses its arguments (or anything else goes wrong), so that the compiled path reports it with its line.
     */
    static <S> Optional<LoadedRevision> read(Supplier<List<S>> parse, Function<List<S>, LoadedRevision> run) {
        List<S> statements;
        try {
            statements = parse.get();
        } catch (Decline e) {
            return Optional.empty();
        }
        try {
            return Optional.of(run.apply(statements));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Thrown wherever the script leaves the subset: the reader declines and the script is compiled. */
    static final class Decline extends RuntimeException {
        Decline() { super(null, null, false, false); }
    }

    enum Kind { NAME, STRING, NUMBER, PUNCT, NEWLINE, END }

    record Token(Kind kind, String text, Object value, int line) {
        boolean is(String punct) { return kind == Kind.PUNCT && text.equals(punct); }
    }

    /** How a language spells strings, punctuation and numbers. */
    interface Spelling {
        boolean isQuote(char c);

        /** The punctuation characters the subset uses; any other character declines. */
        String punctuation();

        /** A number's value in the language's own type (an int that fits; Groovy's BigDecimal or Kotlin's Double for a decimal). */
        Object number(String text, boolean decimal);
    }

    /**
     * Names, plain one-line string literals (no {@code $}, no escapes), decimal numbers, punctuation and line ends; line
     * comments are skipped. Anything else (block comments, triple-quoted or slashy strings, operators, {@code \r}) declines.
     */
    static List<Token> tokens(String text, Spelling spelling) { return new Lexer(text, spelling).tokens(); }

    private static final class Lexer {
        private final String s;
        private final Spelling spelling;
        private int i;
        private int line = 1;

        Lexer(String s, Spelling spelling) {
            this.s = s;
            this.spelling = spelling;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t') { i++; continue; }
                if (c == '\n') { out.add(new Token(Kind.NEWLINE, "\n", null, line)); line++; i++; continue; }
                if (c == '/' && s.startsWith("//", i)) {
                    while (i < s.length() && s.charAt(i) != '\n') i++;
                    continue;
                }
                if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                    if (i < s.length() && s.charAt(i) == '$') throw new Decline();
                    String word = s.substring(start, i);
                    if (!word.chars().allMatch(ch -> ch < 128)) throw new Decline();
                    out.add(new Token(Kind.NAME, word, null, line));
                    continue;
                }
                if (spelling.isQuote(c)) { out.add(string(c)); continue; }
                if (c >= '0' && c <= '9') { out.add(number()); continue; }
                if (spelling.punctuation().indexOf(c) >= 0) {
                    if (c == '=' && i + 1 < s.length() && s.charAt(i + 1) == '=') throw new Decline();
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), null, line));
                    i++;
                    continue;
                }
                throw new Decline();
            }
            out.add(new Token(Kind.END, "", null, line));
            return out;
        }

        private Token string(char quote) {
            if (s.startsWith(String.valueOf(quote).repeat(3), i)) throw new Decline();
            int start = ++i;
            while (i < s.length() && s.charAt(i) != quote) {
                char c = s.charAt(i);
                if (c == '\\' || c == '\n' || c == '\r' || c == '$') throw new Decline();
                i++;
            }
            if (i >= s.length()) throw new Decline();
            String value = s.substring(start, i++);
            return new Token(Kind.STRING, value, value, line);
        }

        /** Decimal digits with an optional fraction; suffixes, octal, hex, underscores and ints past nine digits decline. */
        private Token number() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            boolean decimal = i + 1 < s.length() && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1));
            if (decimal) {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            }
            if (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) throw new Decline();
            String text = s.substring(start, i);
            if (!decimal && text.length() > 1 && text.charAt(0) == '0') throw new Decline();
            if (!decimal && text.length() > 9) throw new Decline();
            return new Token(Kind.NUMBER, text, spelling.number(text, decimal), line);
        }
    }

    /** A cursor over the tokens, and statement lists ending at a closing brace or the end; {@code S} is a reader's statement. */
    abstract static class Parser<S> {
        protected final List<Token> tokens;
        protected int p;

        protected Parser(List<Token> tokens) { this.tokens = tokens; }

        protected Token peek() { return tokens.get(p); }
        protected Token next() { return tokens.get(p++); }
        protected void skipNewlines() { while (peek().kind() == Kind.NEWLINE || peek().is(";")) p++; }
        protected void skipLineEnds() { while (peek().kind() == Kind.NEWLINE) p++; }

        protected void expect(String punct) {
            if (!next().is(punct)) throw new Decline();
        }

        /** One statement: a name, its arguments and its block. */
        protected abstract S statement();

        List<S> script() {
            List<S> out = statements();
            if (peek().kind() != Kind.END) throw new Decline();
            return out;
        }

        /** Statements up to a closing brace or the end. */
        protected List<S> statements() {
            List<S> out = new ArrayList<>();
            skipNewlines();
            while (peek().kind() != Kind.END && !peek().is("}")) {
                out.add(statement());
                Token t = peek();
                if (t.kind() == Kind.NEWLINE || t.is(";")) skipNewlines();
                else if (!t.is("}") && t.kind() != Kind.END) throw new Decline();
            }
            return out;
        }

        protected List<S> block() {
            expect("{");
            List<S> body = statements();
            expect("}");
            return body;
        }
    }
}
