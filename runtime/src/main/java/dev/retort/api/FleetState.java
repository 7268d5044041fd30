package dev.retort.api;

import java.util.List;

/**
 * Where one target of a fleet stands ({@link Fleet#status()}).
 *
 * @param url     the target's JDBC URL with any password masked; null for a data source
 * @param current the target's version-table rows (empty at base); null when they could not be read
 * @param pending revisions an upgrade to the heads would apply
 * @param error   why the state is UNKNOWN, or null
 */
public record FleetState(String name, String url, State state, List<String> current, int pending, String error) {

    public enum State { AT_HEAD, BEHIND, UNKNOWN }

    public FleetState {
        current = current == null ? null : List.copyOf(current);
    }
}
