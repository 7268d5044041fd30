package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Planner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "edit", mixinStandardHelpOptions = true, description = "Open a revision's file in $VISUAL or $EDITOR.")
final class EditCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Parameters(paramLabel = "REV", description = "a revision id or a unique prefix of one, a branch label, head, LABEL@head, or current")
    String rev;

    @Override public Integer call() throws IOException, InterruptedException {
        String editor = editor();
        Project project = root.workspace().project();
        Path file = project.source(revision(project)).file();
        Process process = new ProcessBuilder(command(editor, file)).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0)
            throw new IllegalStateException("the editor (" + editor + ") exited with code " + exit + " while editing " + file
                    + "; check the VISUAL or EDITOR environment variable");
        return 0;
    }

    /** Like git: {@code VISUAL} first, then {@code EDITOR}. */
    private String editor() {
        for (String name : List.of("VISUAL", "EDITOR")) {
            String value = root.env.get(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        throw new IllegalStateException("no editor to open the revision with: neither VISUAL nor EDITOR is set; set one, "
                + "e.g. EDITOR=vim retort edit " + rev + ", or run 'retort show " + rev + "' to see which file it is");
    }

    /** The one revision REV names; {@code current} asks the database. */
    private String revision(Project project) {
        List<String> ids;
        if (rev.equals("current")) {
            try (Database db = root.workspace().database()) {
                ids = project.atRows(Status.currentRows(project, db)).rows();
            }
        } else {
            // A revision a squash replaces still has its file, which can be opened.
            ids = new Planner((project.isReplaced(rev) ? project.originalsAt(List.of()) : project).graph()).targets().revisions(rev);
        }
        if (ids.isEmpty())
            throw new GraphException("'" + rev + "' names no revision" + (rev.equals("current") ? ": the database is at base" : "")
                    + "; give a revision id or a unique prefix of one (retort history lists them)");
        if (ids.size() > 1)
            throw new GraphException("'" + rev + "' names " + ids.size() + " revisions (" + String.join(", ", ids)
                    + "); edit opens one file, so name one of them", ids);
        return ids.get(0);
    }

    /**
     * Through {@code sh -c} where there is one, as git runs its editor, so {@code EDITOR="code --wait"} and quoted
     * paths work; on Windows the words of the variable, then the file.
     */
    static List<String> command(String editor, Path file) {
        List<String> command = new ArrayList<>();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            command.addAll(List.of(editor.split("\\s+")));
            command.add(file.toString());
        } else {
            command.addAll(List.of("sh", "-c", editor + " \"$@\"", editor));
            command.add(file.toString());
        }
        return command;
    }
}
