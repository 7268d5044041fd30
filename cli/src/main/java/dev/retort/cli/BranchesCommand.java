package dev.retort.cli;

import dev.retort.internal.command.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "branches", mixinStandardHelpOptions = true, description = "Show the branch points and the branches that leave them.")
final class BranchesCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;

    @Override public Integer call() {
        List<Status.BranchView> branches = Status.branches(root.workspace().project());
        if (root.json) {
            root.out.println(Json.write(branches.stream().map(b -> {
                Map<String, Object> m = new LinkedHashMap<>(RetortCli.asMap(b.branchPoint()));
                m.put("branches", b.branches().stream().map(RetortCli::asMap).toList());
                return m;
            }).toList()));
            return 0;
        }
        for (Status.BranchView b : branches) {
            Status.RevisionView p = b.branchPoint();
            root.out.println(verbose ? p.logEntry() : p.line(true, false, false, true));
            String indent = " ".repeat(p.id().length());
            for (Status.RevisionView c : b.branches()) root.out.println(indent + " -> " + c.line(true, verbose, false, true));
            root.out.println();
        }
        return 0;
    }
}
