package dev.retort.dsl.dialect;

import dev.retort.dsl.op.ConstraintType;
import java.util.List;

/**
 * A constraint as the catalog names it: what is needed to find one by its columns, or to know whether one of a name
 * exists. {@code name} is null for a constraint the script created without a name, which only the database knows.
 */
public record NamedConstraint(String name, ConstraintType type, List<String> columns) {
    public NamedConstraint { columns = List.copyOf(columns); }

    /** True when it is of that kind on exactly those columns, in that order (names compared without case). */
    public boolean isOn(ConstraintType kind, List<String> cols) {
        if (type != kind || columns.size() != cols.size()) return false;
        for (int i = 0; i < cols.size(); i++) if (!columns.get(i).equalsIgnoreCase(cols.get(i))) return false;
        return true;
    }
}
