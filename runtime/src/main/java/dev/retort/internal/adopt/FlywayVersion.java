package dev.retort.internal.adopt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Flyway version ({@code 1}, {@code 1.1}, {@code 2_1}, {@code 1.01}), ordered as Flyway orders them: part by part as
 * numbers, a missing part counting as 0, so {@code 1.10} comes after {@code 1.9} and {@code 1.0} equals {@code 1}.
 */
record FlywayVersion(List<BigInteger> parts) implements Comparable<FlywayVersion> {
    private static final Pattern SHAPE = Pattern.compile("\\d+([._]\\d+)*");

    FlywayVersion {
        List<BigInteger> trimmed = new ArrayList<>(parts);
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).signum() == 0) trimmed.remove(trimmed.size() - 1);
        parts = List.copyOf(trimmed);
    }

    static boolean isVersion(String text) { return text != null && SHAPE.matcher(text).matches(); }

    /** @throws IllegalArgumentException when the text is not digits separated by dots or underscores */
    static FlywayVersion parse(String text) {
        if (!isVersion(text)) throw new IllegalArgumentException("'" + text + "' is not a Flyway version (digits separated by . or _)");
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("[._]")) parts.add(new BigInteger(p));
        return new FlywayVersion(parts);
    }

    @Override public int compareTo(FlywayVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) return c;
        }
        return 0;
    }

    /** As Flyway writes it in its history table: {@code 2_1} becomes {@code 2.1}. */
    @Override public String toString() {
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
}
