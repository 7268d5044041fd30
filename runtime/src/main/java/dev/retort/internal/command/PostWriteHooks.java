package dev.retort.internal.command;

import dev.retort.internal.config.PostWriteHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the {@code post_write_hooks} on a revision file just written (a formatter, a linter), in order, like
 * Alembic. A hook that fails is reported and the file is kept as written so far.
 */
public final class PostWriteHooks {
    private PostWriteHooks() {}

    /** One hook's result; {@code output} is what it printed (stdout and stderr together). */
    public record Outcome(PostWriteHook hook, int exitCode, String output) {
        public boolean succeeded() { return exitCode == 0; }
    }

    /** Runs each hook; stops at the first that fails. */
    public static List<Outcome> run(List<PostWriteHook> hooks, Path file, Consumer<String> progress) {
        List<Outcome> outcomes = new ArrayList<>();
        for (PostWriteHook hook : hooks) {
            progress.accept("Running post write hook '" + hook.name() + "' ...");
            Outcome o = runOne(hook, file);
            outcomes.add(o);
            if (!o.succeeded()) break;
            progress.accept("  done");
        }
        return outcomes;
    }

    static Outcome runOne(PostWriteHook hook, Path file) {
        List<String> command = new ArrayList<>();
        command.add(hook.executable());
        command.addAll(arguments(hook.options(), file.toAbsolutePath().toString()));
        try {
            Process p = new ProcessBuilder(command).directory(hook.cwd().toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(hook, p.waitFor(), output.strip());
        } catch (IOException e) {
            return new Outcome(hook, -1, "cannot start " + hook.executable() + " in " + hook.cwd() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(hook, -1, "interrupted");
        }
    }

    /**
     * The options split like a POSIX shell (quotes, backslash), the token replaced by the file; as in Alembic,
     * options without the token get the file name first.
     */
    static List<String> arguments(String options, String file) {
        String raw = options == null ? "" : options;
        if (!raw.contains(PostWriteHook.FILENAME_TOKEN)) raw = PostWriteHook.FILENAME_TOKEN + " " + raw;
        return split(raw).stream().map(a -> a.replace(PostWriteHook.FILENAME_TOKEN, file)).toList();
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) cur.append(s.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') { quote = c; inWord = true; }
            else if (c == '\\' && i + 1 < s.length()) { cur.append(s.charAt(++i)); inWord = true; }
            else if (Character.isWhitespace(c)) { if (inWord) { out.add(cur.toString()); cur.setLength(0); inWord = false; } }
            else { cur.append(c); inWord = true; }
        }
        if (quote != 0) throw new IllegalArgumentException("post-write hook options have an unclosed " + quote + " quote: " + s);
        if (inWord) out.add(cur.toString());
        return out;
    }
}
