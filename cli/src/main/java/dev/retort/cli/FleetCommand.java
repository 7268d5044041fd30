package dev.retort.cli;

import dev.retort.api.Fleet;
import dev.retort.api.FleetResult;
import dev.retort.api.FleetState;
import dev.retort.api.Retort;
import dev.retort.internal.fleet.Shard;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code retort fleet upgrade|status}: one project's revisions over many databases or schemas, through the Java API's {@link Fleet}. */
@Command(name = "fleet", mixinStandardHelpOptions = true, subcommands = {FleetCommand.Upgrade.class, FleetCommand.Status.class},
        description = "Upgrade or inspect many databases or schemas (one per tenant) listed in a targets file.")
final class FleetCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;

    @Override public Integer call() {
        new CommandLine(this).usage(root.out);
        return 2;
    }

    /** The options both subcommands share. */
    static final class Targets {
        @Option(names = "--targets", required = true, paramLabel = "FILE",
                description = "one target a line: 'name jdbc-url', or 'name' with fleet_url in retort.ini; # comments") Path file;
        @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "targets at once (default 1)") int parallel;
        @Option(names = "--shard", paramLabel = "i/n", description = "this launcher's share of n (i from 0); default: "
                + "JOB_COMPLETION_INDEX/JOB_COMPLETIONS when set") String shard;
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Upgrade every target to TARGET, each with its own connection and lock; exit 0 only when all end there.")
    static final class Upgrade implements Callable<Integer> {
        @ParentCommand FleetCommand fleet;
        @CommandLine.Mixin Targets targets = new Targets();
        @Parameters(paramLabel = "TARGET", defaultValue = "head") String target;
        @Option(names = "--canary", paramLabel = "N", defaultValue = "0",
                description = "run the first N targets first; stop if one of them fails") int canary;
        @Option(names = "--fail-fast", description = "start no further target once one fails") boolean failFast;
        @Option(names = {"-v", "--verbose"}, description = "print every target's step lines") boolean verbose;

        @Override public Integer call() {
            RetortCli root = fleet.root;
            if (canary < 0) throw new Errors.BadUsage("--canary must be 0 or more, not " + canary);
            long started = System.nanoTime();
            try (Retort retort = fleet.engine()) {
                Fleet f = fleet.open(retort, targets).canary(canary).failFast(failFast)
                        .progress((name, line) -> { if (verbose || !line.startsWith("Running ")) root.progress(name + ": " + line); });
                if (!root.json) f.onResult(r -> root.out.println(r.name() + ": " + describe(r, target)));
                List<FleetResult> results = f.upgrade(target);
                Map<FleetResult.Outcome, Integer> counts = new EnumMap<>(FleetResult.Outcome.class);
                for (FleetResult.Outcome o : FleetResult.Outcome.values()) counts.put(o, 0);
                results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
                boolean ok = results.stream().allMatch(FleetResult::reachedTarget);
                int applied = results.stream().mapToInt(FleetResult::applied).sum();
                String seconds = String.format(java.util.Locale.ROOT, "%.1fs", (System.nanoTime() - started) / 1e9);
                if (root.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("target", target);
                    m.put("ok", ok);
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("targets", results.size());
                    counts.forEach((o, n) -> summary.put(o.name().toLowerCase(java.util.Locale.ROOT), n));
                    summary.put("revisions_applied", applied);
                    m.put("summary", summary);
                    m.put("targets", results.stream().map(FleetCommand::asMap).toList());
                    root.out.println(Json.write(m));
                } else {
                    root.out.println(results.size() + " targets: " + counts.get(FleetResult.Outcome.APPLIED) + " upgraded, "
                            + counts.get(FleetResult.Outcome.ALREADY_AT_TARGET) + " already at " + target + ", "
                            + counts.get(FleetResult.Outcome.FAILED) + " failed, " + counts.get(FleetResult.Outcome.LOCKED) + " locked, "
                            + counts.get(FleetResult.Outcome.SKIPPED) + " skipped; " + applied + " revisions applied in " + seconds);
                }
                return ok ? 0 : 1;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show each target's revision and whether it is at head, behind or unknown (exit 1 when any is unknown).")
    static final class Status implements Callable<Integer> {
        @ParentCommand FleetCommand fleet;
        @CommandLine.Mixin Targets targets = new Targets();

        @Override public Integer call() {
            RetortCli root = fleet.root;
            try (Retort retort = fleet.engine()) {
                List<FleetState> states = fleet.open(retort, targets).status();
                Map<FleetState.State, Long> counts = new EnumMap<>(FleetState.State.class);
                for (FleetState.State s : FleetState.State.values()) counts.put(s, states.stream().filter(x -> x.state() == s).count());
                if (root.json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("heads", retort.heads().stream().map(dev.retort.api.RevisionInfo::id).toList());
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("targets", states.size());
                    counts.forEach((s, n) -> summary.put(stateName(s).replace(' ', '_'), n));
                    m.put("summary", summary);
                    m.put("targets", states.stream().map(FleetCommand::asMap).toList());
                    root.out.println(Json.write(m));
                } else {
                    states.forEach(s -> root.out.println(s.name() + ": " + describe(s)));
                    root.out.println(states.size() + " targets: " + counts.get(FleetState.State.AT_HEAD) + " at head, "
                            + counts.get(FleetState.State.BEHIND) + " behind, " + counts.get(FleetState.State.UNKNOWN) + " unknown");
                }
                return counts.get(FleetState.State.UNKNOWN) == 0 ? 0 : 1;
            }
        }
    }

    // ---- wiring ---------------------------------------------------------------------------------

    private Retort engine() {
        root.workspace().single(); // a multi-database project names its database with -n first
        return root.engine(root.section != null ? root.section : root.env.get("RETORT_ENV")).load();
    }

    /** The targets file through the API, narrowed to this launcher's shard (--shard, else the Indexed Job's variables). */
    private Fleet open(Retort retort, Targets options) {
        if (options.parallel < 1) throw new Errors.BadUsage("--parallel must be 1 or more, not " + options.parallel);
        Shard shard;
        try {
            shard = options.shard != null ? Shard.parse(options.shard) : Shard.fromEnvironment(root.env).orElse(Shard.ALL);
        } catch (IllegalArgumentException e) {
            throw new Errors.BadUsage(e.getMessage());
        }
        Fleet f = retort.fleet(options.file).parallel(options.parallel);
        if (shard.count() > 1) {
            int all = f.targetNames().size();
            f.shard(shard.index(), shard.count());
            if (!root.json) root.progress("Shard " + shard + ": " + f.targetNames().size() + " of " + all + " targets");
        }
        return f;
    }

    // ---- output ---------------------------------------------------------------------------------

    /** {@code applied 3}, {@code already at head}, {@code failed at REV: …}, {@code locked by …}, {@code skipped: …}. */
    static String describe(FleetResult r, String target) {
        return switch (r.outcome()) {
            case APPLIED -> "applied " + r.applied();
            case ALREADY_AT_TARGET -> "already at " + target;
            case FAILED -> "failed" + (r.revision() == null ? "" : " at " + r.revision()) + ": " + r.error();
            case LOCKED -> "locked by " + r.error();
            case SKIPPED -> "skipped: " + r.error();
        };
    }

    /** {@code f1ee70000010 at head}, {@code f1ee70000007 behind (3 pending)}, {@code unknown: …}. */
    static String describe(FleetState s) {
        String at = s.current() == null ? "" : s.current().isEmpty() ? "<base> " : String.join(", ", s.current()) + " ";
        return switch (s.state()) {
            case AT_HEAD -> at + "at head";
            case BEHIND -> at + "behind (" + s.pending() + " pending)";
            case UNKNOWN -> "unknown: " + s.error();
        };
    }

    private static String stateName(FleetState.State s) {
        return switch (s) { case AT_HEAD -> "at head"; case BEHIND -> "behind"; case UNKNOWN -> "unknown"; };
    }

    private static Map<String, Object> asMap(FleetResult r) {
        return map(m -> {
            m.put("name", r.name());
            m.put("url", r.url());
            m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
            m.put("applied", r.applied());
            m.put("revision", r.revision());
            m.put("error", r.error());
            m.put("current", r.current());
        });
    }

    private static Map<String, Object> asMap(FleetState s) {
        return map(m -> {
            m.put("name", s.name());
            m.put("url", s.url());
            m.put("state", stateName(s.state()));
            m.put("current", s.current());
            m.put("pending", s.pending());
            m.put("error", s.error());
        });
    }

    private static Map<String, Object> map(java.util.function.Consumer<Map<String, Object>> fill) {
        Map<String, Object> m = new LinkedHashMap<>();
        fill.accept(m);
        return m;
    }
}
