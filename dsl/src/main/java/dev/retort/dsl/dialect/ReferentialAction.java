package dev.retort.dsl.dialect;

import java.util.Locale;

/**
 * What a foreign key does when the row it references is deleted or updated. Scripts may write an action in any case,
 * with a space or an underscore ({@code set_null}, {@code set null}, {@code SET NULL}); every dialect reads it here.
 */
public enum ReferentialAction {
    CASCADE, SET_NULL, SET_DEFAULT, RESTRICT, NO_ACTION;

    /** The action as SQL writes it: {@code SET NULL}. */
    public String sql() { return name().replace('_', ' '); }

    /** The action a script names, or null when it names none; an unknown action is an error. */
    public static ReferentialAction parse(String action) {
        if (action == null) return null;
        String normal = action.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "_");
        for (ReferentialAction a : values()) if (a.name().equals(normal)) return a;
        throw new RenderException("unknown referential action '" + action + "'; use CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION");
    }
}
