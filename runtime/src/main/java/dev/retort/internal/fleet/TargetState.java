package dev.retort.internal.fleet;

import java.util.List;

/**
 * Where one target of a fleet stands ({@code fleet status}).
 *
 * @param current the target's version-table rows (empty at base); null when unknown
 * @param pending revisions an upgrade to the heads would apply; 0 when at head or unknown
 * @param error   why the state is unknown, or null
 */
public record TargetState(FleetTarget target, State state, List<String> current, int pending, String error) {

    public enum State { AT_HEAD, BEHIND, UNKNOWN }

    public TargetState {
        current = current == null ? null : List.copyOf(current);
    }
}
