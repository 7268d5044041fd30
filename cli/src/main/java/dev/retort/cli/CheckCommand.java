package dev.retort.cli;

import dev.retort.internal.autogen.Autogenerate;
import dev.retort.internal.autogen.Difference;
import dev.retort.internal.command.Project;
import dev.retort.internal.db.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code check}: exit 1 and list the differences when the database does not match the model, 0 when it does. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Compare the database with the model; exit 1 when autogenerate would find differences.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;

    @Override public Integer call() {
        Project project = root.workspace().project();
        List<Difference> diffs;
        try (Database db = root.workspace().database()) {
            diffs = Autogenerate.differences(project, db);
        }
        if (root.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("up_to_date", diffs.isEmpty());
            out.put("differences", diffs.stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", d.kind());
                m.put("table", d.table());
                m.put("description", d.description());
                return m;
            }).toList());
            root.out.println(Json.write(out));
        } else if (diffs.isEmpty()) {
            root.out.println("No new upgrade operations detected.");
        } else {
            root.out.println("New upgrade operations detected:");
            diffs.forEach(d -> root.out.println("  " + d.description()));
        }
        return diffs.isEmpty() ? 0 : 1;
    }
}
