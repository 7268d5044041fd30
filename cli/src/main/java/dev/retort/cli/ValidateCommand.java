package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Validate;
import dev.retort.internal.db.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check that no applied revision's script changed since it ran (exit 1 naming each one that did).")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;

    @Override public Integer call() {
        Project project = root.workspace().project();
        List<Validate.Check> checks;
        try (Database db = root.workspace().database()) {
            checks = Validate.run(project, db).orElse(null);
        }
        boolean valid = checks == null || checks.stream().allMatch(c -> c.outcome() == Validate.Outcome.UNCHANGED);
        if (root.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("valid", valid);
            m.put("history", checks != null);
            m.put("revisions", checks == null ? List.of() : checks.stream().map(ValidateCommand::asMap).toList());
            root.out.println(Json.write(m));
        } else if (checks == null) {
            root.out.println("Nothing to validate: the database has no " + project.config().historyTable() + " table yet (no revision ran with this version of Retort).");
        } else {
            for (Validate.Check c : checks)
                if (c.problem() != null) root.out.println(c.problem());
            root.out.println(Validate.verdict(checks));
        }
        return valid ? 0 : 1;
    }

    private static Map<String, Object> asMap(Validate.Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", c.revision());
        m.put("script", c.script());
        m.put("status", c.outcome().name().toLowerCase());
        m.put("recorded_checksum", c.recordedChecksum());
        m.put("current_checksum", c.currentChecksum());
        m.put("applied_at", c.appliedAt() == null ? null : c.appliedAt().toString());
        return m;
    }
}
