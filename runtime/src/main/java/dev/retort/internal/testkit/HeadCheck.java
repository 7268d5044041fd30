package dev.retort.internal.testkit;

import dev.retort.internal.command.MigrationRunner;
import dev.retort.internal.command.Project;
import dev.retort.internal.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code single-head}: the graph has exactly one head, so {@code upgrade head} means one thing; or, with
 * {@code test_labels = a b}, exactly one head on each of those branches and none outside them.
 */
final class HeadCheck {
    private HeadCheck() {}

    static CheckOutcome run(Project project) {
        RevisionGraph graph = project.graph();
        List<String> heads = graph.heads();
        List<String> labels = project.config().test().labels();
        if (graph.size() == 0) return CheckOutcome.pass(CheckName.SINGLE_HEAD, "no revisions yet");
        List<String> details = new ArrayList<>();
        for (String h : heads)
            details.add(h + " (" + MigrationRunner.scriptPath(project, project.source(h).file()) + ")"
                    + (graph.branchLabels(h).isEmpty() ? "" : " labels " + String.join(", ", graph.branchLabels(h))));
        if (labels.isEmpty()) {
            if (heads.size() == 1) return CheckOutcome.pass(CheckName.SINGLE_HEAD, "head " + heads.get(0));
            return CheckOutcome.fail(CheckName.SINGLE_HEAD, null, heads.size() + " heads (" + String.join(", ", heads)
                    + "); join them with retort merge -m \"merge heads\" heads, or list the branch labels that may each have a head "
                    + "in test_labels", details);
        }
        List<String> problems = new ArrayList<>();
        for (String label : labels) {
            List<String> onBranch = heads.stream().filter(h -> graph.branchLabels(h).contains(label)).toList();
            if (onBranch.size() != 1)
                problems.add("branch '" + label + "' has " + onBranch.size() + " heads" + (onBranch.isEmpty() ? "" : " (" + String.join(", ", onBranch) + ")"));
        }
        for (String h : heads)
            if (labels.stream().noneMatch(l -> graph.branchLabels(h).contains(l))) problems.add("head " + h + " is on none of test_labels");
        if (problems.isEmpty()) return CheckOutcome.pass(CheckName.SINGLE_HEAD, "one head on each of " + String.join(", ", labels));
        return CheckOutcome.fail(CheckName.SINGLE_HEAD, null, String.join("; ", problems)
                + "; merge the extra heads (retort merge), or fix test_labels in " + project.config().origin("test_labels"), details);
    }
}
