package dev.retort.dsl.env;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The hooks an environment script ({@code env.groovy}, {@code env.kts}) or an application registers, each kind in the
 * order registered. Running them, and saying where one failed, is the runtime's job.
 */
public record EnvironmentHooks(List<ConnectionHook> configureConnection, List<BeforeStep> beforeEach, List<AfterStep> afterEach,
                               List<OnFailure> onFailure, List<ObjectFilter> includeObject) {

    /** No hooks: what a project without an environment script runs with. */
    public static final EnvironmentHooks NONE = new EnvironmentHooks(List.of(), List.of(), List.of(), List.of(), List.of());

    public EnvironmentHooks {
        configureConnection = List.copyOf(configureConnection);
        beforeEach = List.copyOf(beforeEach);
        afterEach = List.copyOf(afterEach);
        onFailure = List.copyOf(onFailure);
        includeObject = List.copyOf(includeObject);
    }

    /** Runs on every connection Retort takes, before Retort uses it: session settings, {@code search_path}. */
    @FunctionalInterface public interface ConnectionHook { void configure(Connection connection) throws Exception; }

    @FunctionalInterface public interface BeforeStep { void before(MigrationStep step) throws Exception; }

    @FunctionalInterface public interface AfterStep { void after(MigrationStep step, StepOutcome result) throws Exception; }

    /** Runs after a step failed and what could be undone was; the failure is reported after it all the same. */
    @FunctionalInterface public interface OnFailure { void failed(MigrationStep step, Throwable error) throws Exception; }

    /** False leaves the object out of autogenerate and {@code check}. */
    @FunctionalInterface public interface ObjectFilter { boolean include(SchemaObject object) throws Exception; }

    public boolean isEmpty() {
        return configureConnection.isEmpty() && beforeEach.isEmpty() && afterEach.isEmpty() && onFailure.isEmpty() && includeObject.isEmpty();
    }

    /** These hooks, then the other's: the environment script's run before an application's own. */
    public EnvironmentHooks and(EnvironmentHooks other) {
        return new EnvironmentHooks(concat(configureConnection, other.configureConnection), concat(beforeEach, other.beforeEach),
                concat(afterEach, other.afterEach), concat(onFailure, other.onFailure), concat(includeObject, other.includeObject));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public static Builder builder() { return new Builder(); }

    /** Collects hooks; the script receivers and the Java API fill one each. */
    public static final class Builder {
        private final List<ConnectionHook> configureConnection = new ArrayList<>();
        private final List<BeforeStep> beforeEach = new ArrayList<>();
        private final List<AfterStep> afterEach = new ArrayList<>();
        private final List<OnFailure> onFailure = new ArrayList<>();
        private final List<ObjectFilter> includeObject = new ArrayList<>();

        private Builder() {}

        public Builder configureConnection(ConnectionHook hook) { configureConnection.add(hook); return this; }
        public Builder beforeEach(BeforeStep hook) { beforeEach.add(hook); return this; }
        public Builder afterEach(AfterStep hook) { afterEach.add(hook); return this; }
        public Builder onFailure(OnFailure hook) { onFailure.add(hook); return this; }
        public Builder includeObject(ObjectFilter filter) { includeObject.add(filter); return this; }

        public EnvironmentHooks build() {
            return new EnvironmentHooks(configureConnection, beforeEach, afterEach, onFailure, includeObject);
        }
    }
}
