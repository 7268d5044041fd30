package dev.retort.dsl.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an SQL file into the statements a driver runs one at a time, as the database's own client would: a
 * statement ends at the delimiter ({@code ;}) outside comments, strings and quoted identifiers. Each dialect picks the
 * syntax its client knows (see {@link Dialect#statementSplitter()}): PostgreSQL's dollar quotes, MySQL's
 * {@code DELIMITER} command and backticks, SQL Server's {@code GO} batches, Oracle's {@code /} after a PL/SQL block.
 */
public final class StatementSplitter {

    /** One statement, without its delimiter, and the 1-based line of the file where its first token is. */
    public record Statement(String sql, int line) {}

    /** What a database's client understands beyond standard SQL's quotes and comments. */
    private record Syntax(boolean dollarQuotes, boolean nestedComments, boolean backslashEscapes, boolean backticks,
                          boolean hashComments, boolean delimiterCommand, boolean brackets, boolean goBatches,
                          boolean plsqlBlocks) {}

    private static final StatementSplitter STANDARD =
            new StatementSplitter(new Syntax(false, false, false, false, false, false, false, false, false));
    // https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-DOLLAR-QUOTING (block comments nest there)
    private static final StatementSplitter POSTGRES =
            new StatementSplitter(new Syntax(true, true, false, false, false, false, false, false, false));
    // https://dev.mysql.com/doc/refman/8.4/en/stored-programs-defining.html (the client's DELIMITER command)
    private static final StatementSplitter MYSQL =
            new StatementSplitter(new Syntax(false, false, true, true, true, true, false, false, false));
    // https://learn.microsoft.com/sql/t-sql/language-elements/sql-server-utilities-statements-go
    private static final StatementSplitter SQL_SERVER =
            new StatementSplitter(new Syntax(false, true, false, false, false, false, true, true, false));
    // https://docs.oracle.com/en/database/oracle/oracle-database/23/sqpug/SQL-Plus-basics.html (a PL/SQL block ends at '/')
    private static final StatementSplitter ORACLE =
            new StatementSplitter(new Syntax(false, false, false, false, false, false, false, false, true));

    private static final Pattern DELIMITER_LINE = Pattern.compile("(?i)[ \\t]*DELIMITER[ \\t]+(\\S+)[ \\t]*");
    private static final Pattern GO_LINE = Pattern.compile("(?i)[ \\t]*GO(?:[ \\t]+\\d+)?[ \\t]*");
    private static final Pattern SLASH_LINE = Pattern.compile("[ \\t]*/[ \\t]*");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uffff][A-Za-z0-9_\\u0080-\\uffff]*)?\\$");
    private static final Pattern PLSQL_START = Pattern.compile("(?is)(DECLARE|BEGIN)\\b.*|CREATE\\s+(OR\\s+REPLACE\\s+)?"
            + "((NON)?EDITIONABLE\\s+)?(PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE\\s+BODY)\\b.*");

    private final Syntax syntax;

    private StatementSplitter(Syntax syntax) { this.syntax = syntax; }

    /** Standard SQL: {@code --} and {@code /* *}{@code /} comments, {@code '…'} strings, {@code "…"} identifiers. */
    public static StatementSplitter standard() { return STANDARD; }

    /** PostgreSQL: also {@code $$…$$} and {@code $tag$…$tag$} bodies, nested block comments, {@code E'…'} escapes. */
    public static StatementSplitter postgres() { return POSTGRES; }

    /** MySQL and MariaDB: also {@code DELIMITER //} lines, backticks, {@code #} comments, backslash escapes. */
    public static StatementSplitter mysql() { return MYSQL; }

    /** SQL Server: batches separated by {@code GO} lines (sent whole, as sqlcmd does); {@code [identifiers]}. */
    public static StatementSplitter sqlServer() { return SQL_SERVER; }

    /** Oracle: a PL/SQL block ({@code CREATE PROCEDURE …}, {@code BEGIN …}) keeps its semicolons and ends at a {@code /} line. */
    public static StatementSplitter oracle() { return ORACLE; }

    /** Whether Oracle's client would read this statement as a PL/SQL block, which ends at a {@code /} line. */
    public static boolean isPlsqlBlock(String sql) { return PLSQL_START.matcher(sql.strip()).matches(); }

    /**
     * The file's statements in order; empty ones (only comments or blanks) are left out.
     *
     * @throws RenderException naming the line where a string, quoted identifier, comment or dollar quote never ends
     */
    public List<Statement> split(String text) {
        return new Scan(text).run();
    }

    /** One pass over one file. */
    private final class Scan {
        private final String text;
        private final List<Statement> out = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private String delimiter = ";";
        private int pos;
        private int line = 1;
        /** The line of the current statement's first token; 0 while it has none. */
        private int startLine;

        Scan(String text) { this.text = text; }

        List<Statement> run() {
            while (pos < text.length()) {
                if (atLineStart() && lineCommand()) continue;
                char c = text.charAt(pos);
                if (c == '-' && next() == '-' || c == '#' && syntax.hashComments()) lineComment();
                else if (c == '/' && next() == '*') blockComment();
                else if (c == '\'') quoted('\'', escapesAt(pos), "string");
                else if (c == '"') quoted('"', syntax.backslashEscapes(), "quoted identifier");
                else if (c == '`' && syntax.backticks()) quoted('`', false, "quoted identifier");
                else if (c == '[' && syntax.brackets()) bracketed();
                else if (c == '$' && syntax.dollarQuotes() && dollarQuote()) { /* consumed */ }
                else if (!syntax.goBatches() && text.startsWith(delimiter, pos) && !insidePlsqlBlock()) {
                    pos += delimiter.length();
                    flush();
                } else {
                    if (c == '\n') line++;
                    if (!Character.isWhitespace(c)) start();
                    if (startLine > 0) current.append(c);
                    pos++;
                }
            }
            flush();
            return out;
        }

        private char next() { return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0'; }

        private boolean atLineStart() { return pos == 0 || text.charAt(pos - 1) == '\n'; }

        /** A client command that takes a whole line: {@code DELIMITER x}, {@code GO}, or Oracle's {@code /}. */
        private boolean lineCommand() {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            String whole = text.substring(pos, end).replace("\r", "");
            Matcher m;
            if (syntax.delimiterCommand() && (m = DELIMITER_LINE.matcher(whole)).matches()) {
                flush();
                delimiter = m.group(1);
            } else if (syntax.goBatches() && GO_LINE.matcher(whole).matches()
                    || syntax.plsqlBlocks() && SLASH_LINE.matcher(whole).matches()) {
                flush();
            } else {
                return false;
            }
            pos = end;
            return true;
        }

        private void lineComment() {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            keep(pos, end);
        }

        private void blockComment() {
            int from = pos, opened = line, depth = 0;
            int i = pos;
            while (i < text.length()) {
                if (text.startsWith("/*", i)) { depth++; i += 2; if (!syntax.nestedComments() && depth > 1) depth = 1; continue; }
                if (text.startsWith("*/", i)) { depth--; i += 2; if (depth == 0) break; continue; }
                i++;
            }
            if (depth > 0) throw unterminated("comment /*", opened);
            keep(from, i);
        }

        /** {@code '…'} or {@code "…"} or {@code `…`}: a doubled quote stands for itself, and so does a backslash escape where the database has them. */
        private void quoted(char quote, boolean backslash, String what) {
            int opened = line, i = pos + 1;
            while (true) {
                if (i >= text.length()) throw unterminated(what + " (" + quote + ")", opened);
                char c = text.charAt(i);
                if (backslash && c == '\\') { i += 2; continue; }
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) { i += 2; continue; }
                    break;
                }
                i++;
            }
            start();
            keep(pos, i + 1);
        }

        private void bracketed() {
            int opened = line, i = pos + 1;
            while (true) {
                if (i >= text.length()) throw unterminated("quoted identifier ([)", opened);
                if (text.charAt(i) == ']') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == ']') { i += 2; continue; }
                    break;
                }
                i++;
            }
            start();
            keep(pos, i + 1);
        }

        /** {@code $$…$$} or {@code $tag$…$tag$}; a {@code $} inside an identifier or a {@code $1} parameter is not one. */
        private boolean dollarQuote() {
            if (pos > 0 && (Character.isLetterOrDigit(text.charAt(pos - 1)) || text.charAt(pos - 1) == '_')) return false;
            Matcher m = DOLLAR_TAG.matcher(text).region(pos, text.length());
            if (!m.lookingAt()) return false;
            String tag = m.group();
            int close = text.indexOf(tag, m.end());
            if (close < 0) throw unterminated("dollar quote " + tag, line);
            start();
            keep(pos, close + tag.length());
            return true;
        }

        /** PostgreSQL's {@code E'…'} strings take backslash escapes; MySQL's strings always do. */
        private boolean escapesAt(int quote) {
            if (syntax.backslashEscapes()) return true;
            if (!syntax.dollarQuotes() || quote == 0) return false;
            char before = text.charAt(quote - 1);
            return (before == 'E' || before == 'e') && (quote < 2 || !Character.isLetterOrDigit(text.charAt(quote - 2)) && text.charAt(quote - 2) != '_');
        }

        /** On Oracle, a PL/SQL block's own semicolons do not end it: its {@code /} line does. */
        private boolean insidePlsqlBlock() {
            return syntax.plsqlBlocks() && startLine > 0 && isPlsqlBlock(current.toString());
        }

        private void start() { if (startLine == 0) startLine = line; }

        /** Appends text[from, to) to the statement when it has begun (comments before a statement are dropped), counting lines. */
        private void keep(int from, int to) {
            for (int i = from; i < to; i++) if (text.charAt(i) == '\n') line++;
            if (startLine > 0) current.append(text, from, to);
            pos = to;
        }

        private void flush() {
            String sql = current.toString().strip();
            if (startLine > 0 && !sql.isEmpty()) out.add(new Statement(sql, startLine));
            current.setLength(0);
            startLine = 0;
        }

        private RenderException unterminated(String what, int opened) {
            return new RenderException("line " + opened + ": the " + what + " that starts there never ends; close it");
        }
    }

    @Override public String toString() {
        return "StatementSplitter" + syntax.toString().substring("Syntax".length()).toLowerCase(Locale.ROOT);
    }
}
