package dev.retort.internal.command;

import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.graph.GraphException;
import java.nio.file.Path;
import java.util.List;

/**
 * Which version location a new revision goes to, as Alembic decides: {@code --version-path} when given (it must be
 * one of the locations); the only location when there is one; else the folder of the revision it revises.
 */
final class RevisionFolder {
    private RevisionFolder() {}

    static Path choose(Project project, Path requested, List<String> parents) {
        RetortConfig config = project.config();
        List<Path> locations = config.versionLocations();
        if (requested != null) {
            Path p = requested.toAbsolutePath().normalize();
            boolean known = locations.contains(p) || config.recursiveVersionLocations() && locations.stream().anyMatch(p::startsWith);
            if (!known)
                throw new IllegalArgumentException("--version-path " + p + " is not one of the version locations " + locations
                        + " (" + config.origin("version_locations") + "); add it to version_locations or choose one of them");
            return p;
        }
        if (locations.size() == 1) return locations.get(0);
        if (!parents.isEmpty()) return project.source(parents.get(0)).file().toAbsolutePath().getParent();
        throw new IllegalArgumentException("there are several version locations " + locations + " and a new root revision "
                + "has no parent to place it beside; choose its folder with --version-path DIR");
    }
}
