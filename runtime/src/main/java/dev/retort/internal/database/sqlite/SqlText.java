package dev.retort.internal.database.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * A small reader for the DDL text SQLite keeps in {@code sqlite_master}: it splits a statement into top-level
 * tokens (a parenthesised group, a quoted name or a string literal is one token), which is all that is needed to
 * find the names and CHECK expressions SQLite's PRAGMAs do not report. It does not validate SQL.
 */
final class SqlText {
    /** One token and where it lies in the text. */
    record Token(String text, int start, int end) {
        boolean is(String word) { return text.equalsIgnoreCase(word); }
        boolean isGroup() { return text.startsWith("("); }
        /** A group's text without its outer parentheses. */
        String inner() { return text.substring(1, text.length() - 1).strip(); }
    }

    private SqlText() {}

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0, n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (c == '(') {
                int depth = 0;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\'' || d == '"' || d == '`' || d == '[') { i = skipQuoted(sql, i); continue; }
                    if (d == '(') depth++;
                    if (d == ')' && --depth == 0) { i++; break; }
                    i++;
                }
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(sql, i);
            } else if (c == ',' || c == ')') {
                i++;
            } else {
                while (i < n && !Character.isWhitespace(sql.charAt(i)) && "(),'\"`[".indexOf(sql.charAt(i)) < 0) i++;
            }
            out.add(new Token(sql.substring(start, i), start, i));
        }
        return out;
    }

    /** The index just past a quoted run starting at {@code i}; a doubled quote character stays inside. */
    private static int skipQuoted(String sql, int i) {
        char open = sql.charAt(i);
        char close = open == '[' ? ']' : open;
        i++;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    /** Splits tokens at top-level commas. */
    static List<List<Token>> items(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.text().equals(",")) { out.add(current); current = new ArrayList<>(); }
            else current.add(t);
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    /** A name without its quotes: {@code "Order"}, {@code `x`} and {@code [x]} become {@code Order} and {@code x}. */
    static String unquote(String name) {
        if (name.isEmpty()) return name;
        char c = name.charAt(0);
        if (c == '"' || c == '`') return name.substring(1, name.length() - 1).replace(String.valueOf(c) + c, String.valueOf(c));
        if (c == '[') return name.substring(1, name.length() - 1);
        return name;
    }

    /** The column names in a group such as {@code (a, "b" DESC)}. */
    static List<String> columnNames(Token group) {
        List<String> out = new ArrayList<>();
        for (List<Token> item : items(tokens(group.inner()))) if (!item.isEmpty()) out.add(unquote(item.get(0).text()));
        return out;
    }
}
