package dev.retort.script;

import dev.retort.dsl.op.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compiled revision's operations. When the script has no downgrade block the downgrade is derived by
 * inverting the upgrade, and an operation with no inverse makes that an error naming it.
 */
public record LoadedRevision(RevisionSource source, List<Operation> upgrade, Optional<List<Operation>> explicitDowngrade) {
    public LoadedRevision {
        upgrade = List.copyOf(upgrade);
        explicitDowngrade = explicitDowngrade.map(List::copyOf);
    }

    public List<Operation> downgrade() {
        if (explicitDowngrade.isPresent()) return explicitDowngrade.get();
        List<Operation> inverse = new ArrayList<>(upgrade.size());
        for (int i = upgrade.size() - 1; i >= 0; i--) {
            Operation op = upgrade.get(i);
            inverse.add(op.inverse().orElseThrow(() -> new ScriptException(source.file(), 0, "revision "
                    + source.revision().id() + " has no downgrade block and its operation '" + op.describe()
                    + "' cannot be reversed automatically; add a downgrade { } block to the script")));
        }
        return inverse;
    }
}
