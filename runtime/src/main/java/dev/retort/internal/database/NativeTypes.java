package dev.retort.internal.database;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.type.ColumnType;
import dev.retort.dsl.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column types seen through one dialect. A reflected native type becomes the generic type that the dialect
 * renders to it ({@code CHARACTER VARYING(100)} → {@code string(100)} on H2), and two types are equal when the
 * dialect renders them to the same native type, once aliases ({@code int4}/{@code INTEGER}) are folded and
 * arguments the model does not state are taken from the database.
 */
public final class NativeTypes {
    /** Tried in this order, so that where two kinds render alike the more common one is chosen. */
    private static final List<TypeKind> CANDIDATES = List.of(TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.SMALLINT,
            TypeKind.BOOLEAN, TypeKind.STRING, TypeKind.TEXT, TypeKind.NUMERIC, TypeKind.DOUBLE, TypeKind.FLOAT,
            TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ, TypeKind.DATE, TypeKind.TIME, TypeKind.UUID, TypeKind.JSON,
            TypeKind.BLOB, TypeKind.BINARY);
    private static final Pattern ARGS = Pattern.compile("^([^(]*?)\\s*(?:\\((.*)\\))?\\s*$");

    private final Dialect dialect;
    private final SchemaReflector family;

    NativeTypes(Dialect dialect, SchemaReflector family) { this.dialect = dialect; this.family = family; }

    /** The generic type the dialect renders to {@code nativeType}, or {@code sqlType(nativeType)} when none does. */
    public ColumnType resolve(String nativeType) {
        String wanted = canonical(nativeType);
        Matcher m = ARGS.matcher(nativeType.trim());
        List<Integer> args = new ArrayList<>();
        String base = nativeType;
        if (m.matches()) {
            base = m.group(1);
            if (m.group(2) != null)
                for (String a : m.group(2).split(",")) {
                    // An argument's number comes first: VARCHAR2(100 CHAR) has length 100.
                    String number = a.trim().split("\\s+")[0];
                    if (number.matches("\\d+")) args.add(Integer.parseInt(number));
                }
        }
        if (canonical(base).equals("enum") && m.matches() && m.group(2) != null) {
            ColumnType e = ColumnType.enumOf(enumValues(m.group(2)));
            if (canonical(dialect.typeSql(e)).equals(wanted)) return e;
        }
        for (TypeKind kind : CANDIDATES)
            for (ColumnType candidate : candidates(kind, args))
                if (canonical(dialect.typeSql(candidate)).equals(wanted)) return candidate;
        return ColumnType.sql(nativeType);
    }

    private static List<ColumnType> candidates(TypeKind kind, List<Integer> args) {
        Integer first = args.isEmpty() ? null : args.get(0);
        Integer second = args.size() < 2 ? null : args.get(1);
        return switch (kind) {
            case STRING -> first == null ? List.of(ColumnType.string(null)) : List.of(ColumnType.string(first));
            case BINARY -> first == null ? List.of(ColumnType.binary(null)) : List.of(ColumnType.binary(first));
            case NUMERIC -> second != null && second == 0
                    ? List.of(ColumnType.numeric(first, null), ColumnType.numeric(first, 0))
                    : List.of(ColumnType.numeric(first, second));
            default -> List.of(ColumnType.of(kind));
        };
    }

    /**
     * True when the model's type and the database's are the same on this dialect. Arguments the model leaves out
     * ({@code string} without a length, {@code numeric} without precision) are not compared.
     */
    public boolean same(ColumnType model, ColumnType database) {
        return canonical(dialect.typeSql(fill(model, database))).equals(canonical(dialect.typeSql(database)));
    }

    private static ColumnType fill(ColumnType model, ColumnType db) {
        if (model.kind() != db.kind()) return model;
        return switch (model.kind()) {
            case STRING -> model.length() == null ? ColumnType.string(db.length()) : model;
            case BINARY -> model.length() == null ? ColumnType.binary(db.length()) : model;
            case NUMERIC -> model.precision() == null ? db
                    : model.scale() == null && (db.scale() == null || db.scale() == 0) && model.precision().equals(db.precision()) ? db : model;
            case ENUM -> db.enumValues().isEmpty() ? db : model;
            default -> model;
        };
    }

    /** Lower case outside quotes, single spaces, no spaces around brackets and commas, aliases folded. */
    public String canonical(String type) {
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char ch : type.trim().toCharArray()) {
            if (ch == '\'') quoted = !quoted;
            sb.append(quoted ? ch : Character.toLowerCase(ch));
        }
        String s = sb.toString().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
        int paren = s.indexOf('(');
        String base = paren < 0 ? s : s.substring(0, paren);
        String rest = paren < 0 ? "" : s.substring(paren);
        Map<String, String> aliases = family.typeAliases();
        base = aliases.getOrDefault(base, base);
        // numeric(10) and numeric(10,0) are one type.
        if (base.equals("numeric")) rest = rest.replaceAll("^\\((\\d+),0\\)$", "($1)");
        return base + rest;
    }

    private static List<String> enumValues(String inner) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(inner);
        while (m.find()) values.add(m.group(1).replace("''", "'"));
        return values;
    }
}
