package dev.retort.internal.script;

import dev.retort.dsl.op.Operation;
import dev.retort.internal.naming.ConventionNaming;
import dev.retort.internal.naming.NamingConvention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled revision's operations, with the script line that recorded each one where the compiler knows it, and the
 * upgrade operations written inside {@code safetyAssured { }} (which lint leaves alone). {@code conventionNames} holds each
 * name the naming convention gave (see {@link #named}) with the script line of what it named.
 * When the script has no downgrade block the downgrade is derived by inverting the upgrade, and an operation
 * with no inverse makes that an error naming it.
 */
public record LoadedRevision(RevisionSource source, List<Operation> upgrade, Optional<List<Operation>> explicitDowngrade,
                             Map<Operation, Integer> lines, Set<Operation> assured, Map<String, Integer> conventionNames) {

    /** An operation and the script line it came from (0 when unknown). */
    public record Located(Operation operation, int line) {}

    public LoadedRevision {
        upgrade = List.copyOf(upgrade);
        explicitDowngrade = explicitDowngrade.map(List::copyOf);
        // By identity: equal operations recorded on different lines keep their own lines.
        Map<Operation, Integer> byIdentity = new IdentityHashMap<>(lines);
        lines = Collections.unmodifiableMap(byIdentity);
        Set<Operation> assuredByIdentity = Collections.newSetFromMap(new IdentityHashMap<>());
        assuredByIdentity.addAll(assured);
        assured = Collections.unmodifiableSet(assuredByIdentity);
        conventionNames = Map.copyOf(conventionNames);
    }

    /** A revision as its script recorded it, before any naming convention. */
    public LoadedRevision(RevisionSource source, List<Operation> upgrade, Optional<List<Operation>> explicitDowngrade,
                          Map<Operation, Integer> lines, Set<Operation> assured) {
        this(source, upgrade, explicitDowngrade, lines, assured, Map.of());
    }

    /** A revision without {@code safetyAssured} blocks. */
    public LoadedRevision(RevisionSource source, List<Operation> upgrade, Optional<List<Operation>> explicitDowngrade,
                          Map<Operation, Integer> lines) {
        this(source, upgrade, explicitDowngrade, lines, Set.of());
    }

    /**
     * The revision with what its operations leave unnamed named by the convention (both directions: an explicit
     * downgrade's {@code create…} is named as the upgrade's would be). Each new operation keeps the line and the
     * {@code safetyAssured} of the one it came from. Applied once, to what the script recorded: the compile cache keeps
     * the recording, so a changed convention takes effect without recompiling.
     */
    public LoadedRevision named(NamingConvention convention) {
        if (convention.isEmpty()) return this;
        ConventionNaming.Named up = ConventionNaming.apply(convention, upgrade);
        Optional<ConventionNaming.Named> down = explicitDowngrade.map(ops -> ConventionNaming.apply(convention, ops));
        Map<Operation, Integer> newLines = new IdentityHashMap<>(lines);
        Set<Operation> newAssured = Collections.newSetFromMap(new IdentityHashMap<>());
        newAssured.addAll(assured);
        Map<String, Integer> given = new LinkedHashMap<>();
        for (ConventionNaming.Named n : down.isPresent() ? List.of(up, down.get()) : List.of(up)) {
            n.origins().forEach((now, was) -> {
                if (lines.containsKey(was)) newLines.put(now, lines.get(was));
                if (assured.contains(was)) newAssured.add(now);
            });
            for (ConventionNaming.Given g : n.given()) given.putIfAbsent(g.name(), newLines.getOrDefault(g.operation(), 0));
        }
        return new LoadedRevision(source, up.operations(), down.map(ConventionNaming.Named::operations), newLines, newAssured, given);
    }

    /** True when the operation (or a block holding it) was written inside {@code safetyAssured { }}. */
    public boolean isAssured(Operation operation) { return assured.contains(operation); }

    /** The script line of an operation (nested ones included), or 0. */
    public int lineOf(Operation operation) { return lines.getOrDefault(operation, 0); }

    public List<Operation> downgrade() {
        return locatedDowngrade().stream().map(Located::operation).toList();
    }

    public List<Located> locatedUpgrade() {
        return upgrade.stream().map(op -> new Located(op, lineOf(op))).toList();
    }

    /** A derived downgrade's operations carry the line of the upgrade operation they invert. */
    public List<Located> locatedDowngrade() {
        if (explicitDowngrade.isPresent()) return explicitDowngrade.get().stream().map(op -> new Located(op, lineOf(op))).toList();
        List<Located> inverse = new ArrayList<>(upgrade.size());
        for (int i = upgrade.size() - 1; i >= 0; i--) {
            Operation op = upgrade.get(i);
            Operation inv = op.inverse().orElseThrow(() -> new ScriptException(source.file(), lineOf(op), "revision "
                    + source.revision().id() + " has no downgrade block and its operation '" + op.describe()
                    + "' cannot be reversed automatically; add a downgrade { } block to the script"));
            inverse.add(new Located(inv, lineOf(op)));
        }
        return inverse;
    }
}
