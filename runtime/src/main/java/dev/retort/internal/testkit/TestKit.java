package dev.retort.internal.testkit;

import dev.retort.internal.autogen.Autogenerate;
import dev.retort.internal.autogen.Difference;
import dev.retort.internal.command.Project;
import dev.retort.internal.config.RetortConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code retort test}: the checks teams otherwise write by hand, run on throw-away databases (one per group of checks,
 * each dropped when its group ends, pass or fail). {@code single-head} needs no database; {@code upgrade} and
 * {@code model} share one; {@code stairway} and {@code no-trace} share one walk; {@code data} has its own.
 */
public final class TestKit {
    private TestKit() {}

    /** The checks to run: those asked for, else all that apply ({@code model} needs a model, {@code data} a retort-test.groovy). */
    public static List<CheckName> planned(RetortConfig config, Set<CheckName> only) {
        if (!only.isEmpty()) return EnumSet.copyOf(only).stream().toList();
        List<CheckName> out = new ArrayList<>(List.of(CheckName.SINGLE_HEAD, CheckName.UPGRADE, CheckName.STAIRWAY, CheckName.NO_TRACE));
        if (config.model() != null) out.add(CheckName.MODEL);
        if (DataChecks.file(config.here()).isPresent()) out.add(CheckName.DATA);
        return out;
    }

    /** Runs the planned checks; the outcomes come in {@link CheckName} order. */
    public static List<CheckOutcome> run(Project project, Set<CheckName> only, ScratchTarget target) {
        List<CheckName> planned = planned(project.config(), only);
        Map<CheckName, CheckOutcome> done = new EnumMap<>(CheckName.class);
        if (planned.contains(CheckName.SINGLE_HEAD)) done.put(CheckName.SINGLE_HEAD, HeadCheck.run(project));
        if (planned.contains(CheckName.UPGRADE) || planned.contains(CheckName.MODEL))
            try (ScratchDatabase scratch = ScratchDatabase.create(target)) {
                SteppedMigration migration = new SteppedMigration(project, scratch);
                CheckOutcome upgrade = upgrade(migration);
                if (planned.contains(CheckName.UPGRADE)) done.put(CheckName.UPGRADE, upgrade);
                if (planned.contains(CheckName.MODEL)) done.put(CheckName.MODEL, model(migration, upgrade));
            }
        boolean stairway = planned.contains(CheckName.STAIRWAY);
        boolean noTrace = planned.contains(CheckName.NO_TRACE);
        if (stairway || noTrace)
            try (ScratchDatabase scratch = ScratchDatabase.create(target)) {
                for (CheckOutcome o : StairwayWalk.run(new SteppedMigration(project, scratch), stairway, noTrace)) done.put(o.name(), o);
            }
        if (planned.contains(CheckName.DATA)) {
            Optional<Path> file = DataChecks.file(project.config().here());
            if (file.isEmpty())
                done.put(CheckName.DATA, CheckOutcome.fail(CheckName.DATA, null, "there is no " + DataChecks.FILE_NAME + " beside "
                        + project.config().configFile() + "; write one with at 'REV' { insert … } and after 'REV' { assert … } blocks", List.of()));
            else
                try (ScratchDatabase scratch = ScratchDatabase.create(target)) {
                    done.put(CheckName.DATA, DataChecks.run(new SteppedMigration(project, scratch), file.get()));
                }
        }
        return planned.stream().map(done::get).toList();
    }

    private static CheckOutcome upgrade(SteppedMigration migration) {
        try {
            int steps = migration.upgradeToHeads().size();
            List<String> heads = migration.graph().realHeads();
            return CheckOutcome.pass(CheckName.UPGRADE, heads.isEmpty() ? "no revisions yet"
                    : "base -> " + String.join(", ", heads) + ", " + StairwayWalk.revisions(steps));
        } catch (SteppedMigration.StepFailed e) {
            List<String> error = (e.getMessage() == null ? e.getCause().getClass().getSimpleName() : e.getMessage()).lines().toList();
            String what = e.revision == null ? "upgrade from base to head failed" : "upgrade of " + migration.describe(e.revision) + " failed";
            return CheckOutcome.fail(CheckName.UPGRADE, e.revision, what + ": " + (error.isEmpty() ? "" : error.get(0)),
                    error.size() > 1 ? error.subList(1, error.size()) : List.of());
        }
    }

    /** Autogenerate against the database that {@code upgrade} took to head: a difference means the model and the revisions disagree. */
    private static CheckOutcome model(SteppedMigration migration, CheckOutcome upgrade) {
        RetortConfig config = migration.project().config();
        if (config.model() == null)
            return CheckOutcome.fail(CheckName.MODEL, null, "no model is set; set model = model.groovy (or model.kts) in "
                    + config.configFile() + " to compare the revisions' result with it", List.of());
        String model = config.here().relativize(config.model()).toString();
        if (!upgrade.passed())
            return CheckOutcome.fail(CheckName.MODEL, upgrade.revision(), "not compared with " + model + ": the upgrade to head failed: "
                    + upgrade.message(), List.of());
        List<Difference> diffs;
        try {
            diffs = Autogenerate.differences(migration.project(), migration.database());
        } catch (RuntimeException e) {
            return CheckOutcome.fail(CheckName.MODEL, null, "cannot compare head with " + model + ": " + e.getMessage(), List.of());
        }
        if (diffs.isEmpty()) return CheckOutcome.pass(CheckName.MODEL, "head matches " + model);
        return CheckOutcome.fail(CheckName.MODEL, null, "head differs from " + model + " in " + diffs.size()
                        + (diffs.size() == 1 ? " way" : " ways") + ": " + diffs.get(0).description()
                        + "; write a revision for it (retort revision --autogenerate) or fix the model",
                diffs.stream().map(Difference::description).toList());
    }
}
