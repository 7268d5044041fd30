package dev.retort.dsl.op;

import java.util.Arrays;

/** The kind of a dropped constraint; MySQL spells each drop differently, so it must be known there. */
public enum ConstraintType {
    FOREIGN_KEY("foreignKey"), UNIQUE("unique"), CHECK("check"), PRIMARY("primary");

    private final String dslName;
    ConstraintType(String dslName) { this.dslName = dslName; }
    public String dslName() { return dslName; }

    public static ConstraintType fromDsl(String name) {
        return Arrays.stream(values()).filter(t -> t.dslName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown constraint type '" + name
                        + "'; use foreignKey, unique, check or primary"));
    }
}
