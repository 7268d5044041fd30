package dev.retort.cli;

import dev.retort.internal.command.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "list-templates", mixinStandardHelpOptions = true, description = "List the templates for init: built in and from template_locations, with their source.")
final class ListTemplatesCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;

    @Override public Integer call() {
        List<Template> templates = root.workspace().templates().all();
        if (root.json) {
            root.out.println(Json.write(templates.stream().map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", t.name());
                m.put("source", t.origin());
                m.put("description", t.description());
                return m;
            }).toList()));
            return 0;
        }
        int width = templates.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        root.out.println("Available templates:");
        root.out.println();
        for (Template t : templates)
            root.out.println(String.format("%-" + width + "s  %s%s", t.name(), t.origin(), t.description().isEmpty() ? "" : "  - " + t.description()));
        root.out.println();
        root.out.println("Use one with: retort init --template NAME DIR");
        return 0;
    }
}
