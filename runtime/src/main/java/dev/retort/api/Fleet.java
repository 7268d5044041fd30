package dev.retort.api;

import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.db.Database;
import dev.retort.internal.fleet.FleetStatus;
import dev.retort.internal.fleet.FleetUpgrade;
import dev.retort.internal.fleet.Shard;
import dev.retort.internal.fleet.TargetResult;
import dev.retort.internal.fleet.TargetState;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The same revisions rolled out to many databases or schemas (one per tenant), each with its own connection and lock:
 * {@code retort.fleet(targets).parallel(4).canary(1).upgrade("head")}. The revisions compile once for all targets.
 */
public final class Fleet {
    private final Retort retort;
    private final List<dev.retort.internal.fleet.FleetTarget> targets;
    private final Map<String, javax.sql.DataSource> dataSources;
    private int parallel = 1;
    private int canary;
    private boolean failFast;
    private Shard shard = Shard.ALL;
    private Consumer<FleetResult> onResult = r -> {};
    private BiConsumer<String, String> progress;

    Fleet(Retort retort, List<dev.retort.internal.fleet.FleetTarget> targets, Map<String, javax.sql.DataSource> dataSources) {
        this.retort = retort;
        this.targets = List.copyOf(targets);
        this.dataSources = Map.copyOf(dataSources);
        this.progress = (name, line) -> retort.progress().accept(name + ": " + line);
    }

    /** Targets migrated at once (default 1). */
    public Fleet parallel(int n) { return set(() -> parallel = check(n, 1, "parallel")); }

    /** The first {@code n} targets run first; if one of them does not reach the revision, no other target runs. */
    public Fleet canary(int n) { return set(() -> canary = check(n, 0, "canary")); }

    /** Once a target does not reach the revision, start no other (those running finish). */
    public Fleet failFast(boolean on) { failFast = on; return this; }

    /** Only this launcher's share: shard {@code index} (from 0) of {@code count}, stable by target name. */
    public Fleet shard(int index, int count) { return set(() -> shard = translateArgument(() -> new Shard(index, count))); }

    /** Receives each target's result as it ends (from the fleet's worker threads). */
    public Fleet onResult(Consumer<FleetResult> listener) { onResult = listener; return this; }

    /** Receives each target's step lines and notices with its name (default: the engine's progress listener, prefixed). */
    public Fleet progress(BiConsumer<String, String> listener) { progress = listener; return this; }

    /** The names of the targets this launcher runs (its shard), in the file's order. */
    public List<String> targetNames() { return selected().stream().map(dev.retort.internal.fleet.FleetTarget::name).toList(); }

    /** Upgrades this launcher's targets to {@code target}; the results in the targets' order. */
    public List<FleetResult> upgrade(String target) {
        return Retort.translate(() -> {
            FleetUpgrade.Options options = new FleetUpgrade.Options(parallel, canary, failFast);
            FleetUpgrade run = new FleetUpgrade(retort.project(), connections(true), options,
                    (t, line) -> progress.accept(t.name(), line), r -> onResult.accept(result(r)));
            return run.run(target, selected()).stream().map(Fleet::result).toList();
        });
    }

    /** Each target's revision and whether it is at the heads, read without taking any lock. */
    public List<FleetState> status() {
        return Retort.translate(() -> FleetStatus.read(retort.project(), selected(), parallel, connections(false)).stream()
                .map(Fleet::state).toList());
    }

    private List<dev.retort.internal.fleet.FleetTarget> selected() { return shard.select(targets); }

    /**
     * Status never creates a database; an upgrade does when create_database is set. Each target's pool keeps one idle
     * connection unless pool.minimumIdle says otherwise: a target needs a second only while it holds its lock, and a
     * fleet opens many pools, so none should fill itself in the background.
     */
    private Function<dev.retort.internal.fleet.FleetTarget, Database> connections(boolean mayCreate) {
        RetortConfig config = retort.config();
        Map<String, String> pool = new java.util.HashMap<>(config.pool());
        pool.putIfAbsent("minimumIdle", "1");
        return t -> dataSources.containsKey(t.name()) ? Database.of(dataSources.get(t.name()))
                : Database.connect(t.url(), config.user(), config.password(), pool, mayCreate && config.createDatabase());
    }

    private static FleetResult result(TargetResult r) {
        return new FleetResult(r.target().name(), r.target().safeUrl(), FleetResult.Outcome.valueOf(r.outcome().name()), r.applied(),
                r.revision(), r.detail(), r.current());
    }

    private static FleetState state(TargetState s) {
        return new FleetState(s.target().name(), s.target().safeUrl(), FleetState.State.valueOf(s.state().name()), s.current(),
                s.pending(), s.error());
    }

    private Fleet set(Runnable assignment) { assignment.run(); return this; }

    private static int check(int n, int min, String what) {
        if (n < min) throw new RetortException.ConfigurationError(what + " must be " + min + " or more, not " + n, null);
        return n;
    }

    private static <T> T translateArgument(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new RetortException.ConfigurationError(e.getMessage(), e);
        }
    }

    static Map<String, javax.sql.DataSource> dataSourcesOf(List<FleetTarget> targets) {
        return targets.stream().filter(t -> t.dataSource() != null).collect(Collectors.toMap(FleetTarget::name, FleetTarget::dataSource));
    }
}
